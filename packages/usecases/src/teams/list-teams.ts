import { pageIds } from '@heinrich/db/page-ids';
import { listTeamSummaries } from '@heinrich/db/teams/list-team-summaries';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';
import type { TeamSummary } from './team-summary';

/** Teams with their members in creation order, `limit` at a time; nextCursor is null on the last page. */
export async function listTeams(
  ctx: Context,
  query: { limit: number; cursor?: string },
): Promise<{ items: TeamSummary[]; nextCursor: string | null }> {
  const after = decodeListCursor(query.cursor);
  const page = await pageIds(ctx.db.pool, 'teams', { limit: query.limit, ...(after ? { after } : {}) });
  const rows = await listTeamSummaries(ctx.db.pool, page.ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = page.ids.flatMap((id) => byId.get(id) ?? []);
  return { items, nextCursor: page.next ? encodeListCursor(page.next) : null };
}
