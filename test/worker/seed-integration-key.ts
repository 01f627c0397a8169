import { randomBytes, randomUUID } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import type { Database } from '@heinrich/db/create-database';

/** A service with one alertmanager integration key, written straight to the database. */
export async function seedIntegrationKey(db: Database): Promise<{ serviceId: string; secret: string }> {
  const serviceId = randomUUID();
  const secret = `hk_${randomBytes(24).toString('base64url')}`;
  await db.pool.query(`INSERT INTO services (id, name, updated_at) VALUES ($1, $2, now())`, [serviceId, `svc-${serviceId.slice(0, 8)}`]);
  await db.pool.query(
    `INSERT INTO integration_keys (id, service_id, type, name, secret_hash, secret_prefix)
     VALUES ($1, $2, 'alertmanager', 'alertmanager', $3, $4)`,
    [randomUUID(), serviceId, sha256Hex(secret), secret.slice(0, 8)],
  );
  return { serviceId, secret };
}
