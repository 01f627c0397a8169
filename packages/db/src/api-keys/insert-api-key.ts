import { prismaOf, type Queryable } from '../queryable';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** A new API key; the secret itself is never stored, only its hash and first characters. */
export async function insertApiKey(
  q: Queryable,
  key: { name: string; role: 'admin' | 'lead' | 'responder' | 'viewer'; teamId: string | null; secretHash: string; secretPrefix: string; createdBy: string },
): Promise<ApiKeySummary> {
  return prismaOf(q).apiKey.create({ data: key, select: API_KEY_SUMMARY });
}
