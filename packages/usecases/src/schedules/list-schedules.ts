import { pageScheduleIds } from '@heinrich/db/schedules/page-schedule-ids';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';
import { findSchedules } from './find-schedule';
import type { ScheduleRecord } from './schedule-record';

/** Schedules (of one team, or all) in creation order, `limit` at a time; nextCursor is null on the last page. */
export async function listSchedules(
  ctx: Context,
  query: { teamId?: string; limit: number; cursor?: string },
): Promise<{ items: ScheduleRecord[]; nextCursor: string | null }> {
  const after = decodeListCursor(query.cursor);
  const page = await pageScheduleIds(ctx.db.pool, {
    limit: query.limit,
    ...(query.teamId ? { teamId: query.teamId } : {}),
    ...(after ? { after } : {}),
  });
  const byId = new Map((await findSchedules(ctx.db.pool, page.ids)).map((s) => [s.id, s]));
  // a schedule deleted between the two reads is simply absent from the page
  const items = page.ids.flatMap((id) => byId.get(id) ?? []);
  return { items, nextCursor: page.next ? encodeListCursor(page.next) : null };
}
