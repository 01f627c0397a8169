import { prismaOf, type Queryable } from '../queryable';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** Every API key, revoked ones included, oldest first. */
export async function listApiKeySummaries(q: Queryable): Promise<ApiKeySummary[]> {
  return prismaOf(q).apiKey.findMany({ select: API_KEY_SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}
