import { prismaOf, type Queryable } from '../queryable';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** The API key (revoked or not), or null when there is no such key. */
export async function findApiKeySummary(q: Queryable, id: string): Promise<ApiKeySummary | null> {
  return prismaOf(q).apiKey.findUnique({ where: { id }, select: API_KEY_SUMMARY });
}
