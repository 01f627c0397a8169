import { gapsAcrossRevisions } from '@heinrich/core/schedule/revisions';
import type { Interval } from '@heinrich/core/schedule/schedule';
import type { Context } from '../context';
import { loadResolvableSchedule } from './load-resolvable-schedule';
import { shiftRange } from './shift-range';

/** The stretches of [from, to) (at most a year) with nobody on call, merged, in order: the gaps of `getShifts`. */
export async function getGaps(ctx: Context, id: string, query: { from: string; to: string }): Promise<{ from: string; to: string; gaps: Interval[] }> {
  const { from, to } = shiftRange(query.from, query.to);
  const schedule = await loadResolvableSchedule(ctx, id, from, to);
  return { from: from.toISOString(), to: to.toISOString(), gaps: gapsAcrossRevisions(schedule.revisions, schedule.overrides, from, to) };
}
