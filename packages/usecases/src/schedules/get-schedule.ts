import type { Context } from '../context';
import { findSchedule } from './find-schedule';
import type { ScheduleRecord } from './schedule-record';

/** The schedule with its current layers, or a 404 naming the id. Every caller may read. */
export async function getSchedule(ctx: Context, id: string): Promise<ScheduleRecord> {
  return findSchedule(ctx.db.pool, id);
}
