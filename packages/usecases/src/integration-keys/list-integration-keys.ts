import { AppError } from '@heinrich/core/app-error';
import { listServiceIntegrationKeys } from '@heinrich/db/integration-keys/list-service-integration-keys';
import type { Context } from '../context';
import type { IntegrationKeySummary } from './integration-key-summary';

/**
 * Every key of the service, revoked ones included (with revokedAt), oldest
 * first. A service has a handful, so this is not paginated.
 */
export async function listIntegrationKeys(ctx: Context, serviceId: string): Promise<IntegrationKeySummary[]> {
  const keys = await listServiceIntegrationKeys(ctx.db.pool, serviceId);
  if (!keys) throw AppError.notFound('Service', serviceId);
  return keys;
}
