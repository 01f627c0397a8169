import { prismaOf, type Queryable } from '../queryable';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

/** Every key of the service, revoked ones included, oldest first; null when there is no such service. */
export async function listServiceIntegrationKeys(q: Queryable, serviceId: string): Promise<IntegrationKeySummary[] | null> {
  const service = await prismaOf(q).service.findUnique({
    where: { id: serviceId },
    select: { integrationKeys: { select: INTEGRATION_KEY_SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  return service ? service.integrationKeys : null;
}
