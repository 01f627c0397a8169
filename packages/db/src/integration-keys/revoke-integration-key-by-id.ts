import { prismaOf, type Queryable } from '../queryable';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

/** Sets the key's revokedAt and returns it as it now is. */
export async function revokeIntegrationKeyById(q: Queryable, id: string, now: Date): Promise<IntegrationKeySummary> {
  return prismaOf(q).integrationKey.update({ where: { id }, data: { revokedAt: now }, select: INTEGRATION_KEY_SUMMARY });
}
