import { prismaOf, type Queryable } from '../queryable';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

/** The service's key with this id (revoked or not), or null when the service has no such key. */
export async function findIntegrationKeySummary(q: Queryable, serviceId: string, keyId: string): Promise<IntegrationKeySummary | null> {
  return prismaOf(q).integrationKey.findFirst({ where: { id: keyId, serviceId }, select: INTEGRATION_KEY_SUMMARY });
}
