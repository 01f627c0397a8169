import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import type { Database } from '@heinrich/db/create-database';

export interface SeededService {
  serviceId: string;
  keyId: string;
  /** the integration key secret a sender presents */
  secret: string;
}

/** A service with one integration key, written straight to the database. */
export async function seedService(
  db: Database,
  opts: { name?: string; groupBy?: string[]; autoResolve?: boolean; type?: 'alertmanager' | 'events' } = {},
): Promise<SeededService> {
  const service = await db.prisma.service.create({
    data: { name: opts.name ?? `svc-${randomBytes(3).toString('hex')}`, groupBy: opts.groupBy ?? [], autoResolve: opts.autoResolve ?? true },
  });
  const secret = `hk_${randomBytes(24).toString('base64url')}`;
  const key = await db.prisma.integrationKey.create({
    data: {
      serviceId: service.id,
      type: opts.type ?? 'alertmanager',
      name: opts.type ?? 'alertmanager',
      secretHash: sha256Hex(secret),
      secretPrefix: secret.slice(0, 8),
    },
  });
  return { serviceId: service.id, keyId: key.id, secret };
}
