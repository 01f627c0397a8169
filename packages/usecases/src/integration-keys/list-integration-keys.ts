import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

/**
 * Every key of the service, revoked ones included (with revokedAt), oldest
 * first. A service has a handful, so this is not paginated.
 */
export async function listIntegrationKeys(ctx: Context, serviceId: string): Promise<IntegrationKeySummary[]> {
  const service = await ctx.db.prisma.service.findUnique({
    where: { id: serviceId },
    select: { integrationKeys: { select: INTEGRATION_KEY_SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  if (!service) throw AppError.notFound('Service', serviceId);
  return service.integrationKeys;
}
