import { AppError } from '@heinrich/core/app-error';
import type { ScheduleRevisionInput } from '@heinrich/core/schedule/revisions';
import type { ScheduleOverride } from '@heinrich/core/schedule/schedule';
import { findScheduleHeader } from '@heinrich/db/schedules/find-schedule-header';
import { loadScheduleTimeline } from '@heinrich/db/schedules/load-schedule-timeline';
import type { Context } from '../context';
import { toCoreSchedule, toLayerDefinitions, type LayerInput } from './schedule-record';

export interface ResolvableSchedule {
  id: string;
  name: string;
  teamId: string;
  /** the revisions in force over the range, in order (the first also answers before its effectiveFrom) */
  revisions: ScheduleRevisionInput[];
  /** overlapping the range, oldest-created first: the later wins where they overlap */
  overrides: ScheduleOverride[];
}

/** What the resolver needs to answer about [from, to) of a schedule; 404 when there is none. */
export async function loadResolvableSchedule(ctx: Context, id: string, from: Date, to: Date): Promise<ResolvableSchedule> {
  const [schedule, timeline] = await Promise.all([
    findScheduleHeader(ctx.db.pool, id),
    loadScheduleTimeline(ctx.db.pool, id, from, to),
  ]);
  if (!schedule || timeline.revisions.length === 0) throw AppError.notFound('Schedule', id);
  return {
    ...schedule,
    revisions: timeline.revisions.map((r) => ({
      effectiveFrom: r.effectiveFrom,
      schedule: toCoreSchedule(id, r.timeZone, toLayerDefinitions(r.layers as LayerInput[])),
    })),
    overrides: timeline.overrides.map((o) => ({ id: o.id, userId: o.userId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() })),
  };
}
