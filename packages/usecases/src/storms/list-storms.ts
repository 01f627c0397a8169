import { selectStorms, type StormRecord } from '@heinrich/db/storms/select-storms';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';

export interface StormFilter {
  limit: number;
  cursor?: string;
  serviceId?: string;
  /** true: storms not yet ended; false: ended ones */
  active?: boolean;
}

/** Storms newest first (by when they started), `limit` at a time; nextCursor is null on the last page. */
export async function listStorms(ctx: Context, filter: StormFilter): Promise<{ items: StormRecord[]; nextCursor: string | null }> {
  const before = decodeListCursor(filter.cursor);
  const rows = await selectStorms(ctx.db.pool, {
    ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
    ...(filter.active !== undefined ? { active: filter.active } : {}),
    ...(before ? { before } : {}),
    // one more than asked: whether it comes back says if there is a next page
    limit: filter.limit + 1,
  });
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeListCursor(last.position) : null };
}
