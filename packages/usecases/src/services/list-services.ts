import type { ServiceRow } from '@heinrich/db/services/service-row';
import { listServiceRows } from '@heinrich/db/services/list-service-rows';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from './list-cursor';

/** Services in creation order, `limit` at a time; nextCursor is null on the last page. */
export async function listServices(
  ctx: Context,
  query: { limit: number; cursor?: string },
): Promise<{ items: ServiceRow[]; nextCursor: string | null }> {
  const after = decodeListCursor(query.cursor);
  const page = await listServiceRows(ctx.db.pool, { limit: query.limit, ...(after ? { after } : {}) });
  return { items: page.rows, nextCursor: page.next ? encodeListCursor(page.next) : null };
}
