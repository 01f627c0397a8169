import { AppError } from '@heinrich/core/app-error';
import { parseInstant } from '@heinrich/core/schedule/parse-instant';
import { listScheduleOverrides } from '@heinrich/db/schedules/list-schedule-overrides';
import { scheduleExists } from '@heinrich/db/schedules/schedule-exists';
import type { Context } from '../context';
import { decodeOverrideCursor, encodeOverrideCursor } from './override-cursor';
import type { OverrideRecord } from './override-record';

export interface OverridesQuery {
  /** default: now (current and upcoming overrides) */
  from?: string;
  /** default: no end */
  to?: string;
  limit: number;
  cursor?: string;
}

/** The schedule's overrides overlapping [from, to), by start (then id), `limit` at a time; 404 for no schedule. */
export async function listOverrides(
  ctx: Context,
  scheduleId: string,
  query: OverridesQuery,
): Promise<{ items: OverrideRecord[]; nextCursor: string | null }> {
  const after = decodeOverrideCursor(query.cursor);
  const from = query.from !== undefined ? new Date(parseInstant(query.from) as number) : ctx.now();
  const to = query.to !== undefined ? new Date(parseInstant(query.to) as number) : undefined;
  if (!(await scheduleExists(ctx.db.pool, scheduleId))) {
    throw AppError.notFound('Schedule', scheduleId);
  }
  const rows = await listScheduleOverrides(ctx.db.pool, {
    scheduleId,
    from,
    ...(to ? { to } : {}),
    ...(after ? { after } : {}),
    // one more than asked: whether it comes back says if there is a next page
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeOverrideCursor({ startsAt: last.startsAt, id: last.id }) : null };
}
