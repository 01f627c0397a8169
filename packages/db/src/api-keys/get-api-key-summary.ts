import { prismaOf, type Queryable } from '../queryable';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** The API key, for a key that must exist: Prisma's P2025 otherwise. */
export async function getApiKeySummary(q: Queryable, id: string): Promise<ApiKeySummary> {
  return prismaOf(q).apiKey.findUniqueOrThrow({ where: { id }, select: API_KEY_SUMMARY });
}
