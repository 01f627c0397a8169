import { AppError } from '@heinrich/core/app-error';
import { sha256Hex } from '@heinrich/core/alert-group';
import { findActiveIntegrationKey, type ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import type { Context } from '../context';

/**
 * The integration key a sender presented, or 401. The answer never says whether
 * a key exists, was revoked or belongs to another integration type.
 */
export async function authenticateIntegrationKey(
  ctx: Context,
  secret: string | undefined,
  type: ActiveIntegrationKey['type'],
): Promise<ActiveIntegrationKey> {
  const key = secret && secret.length <= 256 ? await findActiveIntegrationKey(ctx.db.pool, sha256Hex(secret)) : undefined;
  if (!key || key.type !== type) {
    throw new AppError('unauthenticated', 'Missing or invalid integration key');
  }
  return key;
}
