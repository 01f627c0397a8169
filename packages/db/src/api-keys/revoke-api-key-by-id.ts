import { prismaOf, type Queryable } from '../queryable';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** Sets the key's revokedAt and returns it as it now is. */
export async function revokeApiKeyById(q: Queryable, id: string, now: Date): Promise<ApiKeySummary> {
  return prismaOf(q).apiKey.update({ where: { id }, data: { revokedAt: now }, select: API_KEY_SUMMARY });
}
