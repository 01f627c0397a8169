import { listApiKeySummaries } from '@heinrich/db/api-keys/list-api-key-summaries';
import type { Context } from '../context';
import type { ApiKeySummary } from './api-key-summary';

/** Every API key, revoked ones included, oldest first. An installation has a handful: not paginated. */
export async function listApiKeys(ctx: Context): Promise<ApiKeySummary[]> {
  return listApiKeySummaries(ctx.db.pool);
}
