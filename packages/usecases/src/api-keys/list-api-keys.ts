import type { Context } from '../context';
import { API_KEY_SUMMARY, type ApiKeySummary } from './api-key-summary';

/** Every API key, revoked ones included, oldest first. An installation has a handful: not paginated. */
export async function listApiKeys(ctx: Context): Promise<ApiKeySummary[]> {
  return ctx.db.prisma.apiKey.findMany({ select: API_KEY_SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}
