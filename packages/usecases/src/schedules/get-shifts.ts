import { shiftsAcrossRevisions } from '@heinrich/core/schedule/revisions';
import type { OnCallReason, ScheduleShift } from '@heinrich/core/schedule/schedule';
import type { Context } from '../context';
import { loadResolvableSchedule } from './load-resolvable-schedule';
import { shiftRange } from './shift-range';
import { findUserRefs, type UserRef } from './user-refs';

export interface NamedShift {
  start: string;
  end: string;
  /** [] = nobody on call (a gap) */
  users: UserRef[];
  because: OnCallReason[];
}

export interface ShiftsAnswer {
  from: string;
  to: string;
  shifts: NamedShift[];
  /** with `layers`: each layer's own timeline, per revision over the part where it was in force */
  layers?: { layerIndex: number; layerName: string; from: string; to: string; shifts: NamedShift[] }[];
}

/**
 * The final timeline of [from, to) (at most a year): contiguous intervals
 * covering the range, gaps included, spliced across edits (each instant as the
 * revision in force then says). The core resolver's answer (shifts), with names.
 */
export async function getShifts(ctx: Context, id: string, query: { from: string; to: string; layers?: boolean }): Promise<ShiftsAnswer> {
  const { from, to } = shiftRange(query.from, query.to);
  const schedule = await loadResolvableSchedule(ctx, id, from, to);
  const result = shiftsAcrossRevisions(schedule.revisions, schedule.overrides, from, to, { layers: query.layers === true });
  const ids = [...result.shifts, ...(result.layers ?? []).flatMap((l) => l.shifts)].flatMap((s) => s.users);
  const ref = await findUserRefs(ctx.db.pool, ids);
  const named = (s: ScheduleShift): NamedShift => ({ start: s.start, end: s.end, users: s.users.map(ref), because: s.because });
  return {
    from: result.from,
    to: result.to,
    shifts: result.shifts.map(named),
    ...(result.layers
      ? { layers: result.layers.map((l) => ({ layerIndex: l.layerIndex, layerName: l.layerName, from: l.from, to: l.to, shifts: l.shifts.map(named) })) }
      : {}),
  };
}
