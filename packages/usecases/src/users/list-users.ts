import { pageIds } from '@heinrich/db/page-ids';
import { listUserSummaries } from '@heinrich/db/users/list-user-summaries';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';
import type { UserSummary } from './user-summary';

/** Users in creation order, `limit` at a time; nextCursor is null on the last page. */
export async function listUsers(
  ctx: Context,
  query: { limit: number; cursor?: string },
): Promise<{ items: UserSummary[]; nextCursor: string | null }> {
  const after = decodeListCursor(query.cursor);
  const page = await pageIds(ctx.db.pool, 'users', { limit: query.limit, ...(after ? { after } : {}) });
  const rows = await listUserSummaries(ctx.db.pool, page.ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  // a user deleted between the two reads is simply absent from the page
  const items = page.ids.flatMap((id) => byId.get(id) ?? []);
  return { items, nextCursor: page.next ? encodeListCursor(page.next) : null };
}
