import { previewChange, type SchedulePreview, type UserHoursChange } from '@heinrich/core/schedule/preview-change';
import type { Interval } from '@heinrich/core/schedule/schedule';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import type { Context } from '../context';
import { checkOnCallUsers, layerMemberRefs } from './check-on-call-users';
import { checkScheduleDefinition } from './check-schedule-definition';
import { findSchedule } from './find-schedule';
import { loadResolvableSchedule } from './load-resolvable-schedule';
import { toCoreSchedule, toLayerDefinitions } from './schedule-record';
import type { ScheduleChanges } from './update-schedule';
import { findUserRefs, type UserRef } from './user-refs';

const WEEK = 7 * 86_400_000;

export interface PreviewAnswer extends Omit<SchedulePreview, 'users' | 'changes'> {
  weeks: number;
  users: (UserHoursChange & { name: string | null })[];
  changes: (Interval & { before: UserRef[]; after: UserRef[] })[];
}

/**
 * What a proposed PATCH would do to the final schedule (overrides included)
 * over the next `weeks` weeks from now, if it were saved now: hours gained or
 * lost per person, gaps opened and closed, every stretch where who is on call
 * changes. The core resolver computes it (previewChange), so a UI never
 * recomputes. The proposal gets the same 400s the PATCH would; nothing is saved,
 * and every caller may ask.
 */
export async function previewScheduleChange(ctx: Context, id: string, changes: ScheduleChanges, weeks: number): Promise<PreviewAnswer> {
  const current = await findSchedule(ctx.db.pool, id);
  const timeZone = changes.timeZone ?? current.timeZone;
  const layers = changes.layers ? toLayerDefinitions(changes.layers) : current.layers;
  checkScheduleDefinition(timeZone, layers);
  if (changes.layers) {
    const team = await getTeamRef(ctx.db.pool, current.teamId);
    await checkOnCallUsers(ctx.db.pool, team, layerMemberRefs(layers));
  }
  // an edit saved now takes effect now, or at the current revision's start if that is later (update-schedule.ts)
  const now = ctx.now();
  const from = now > current.effectiveFrom ? now : current.effectiveFrom;
  const to = new Date(from.getTime() + weeks * WEEK);
  const { overrides } = await loadResolvableSchedule(ctx, id, from, to);
  const preview = previewChange(
    { schedule: toCoreSchedule(id, current.timeZone, current.layers), overrides },
    { schedule: toCoreSchedule(id, timeZone, layers), overrides },
    from,
    to,
  );
  const ref = await findUserRefs(ctx.db.pool, [...preview.users.map((u) => u.userId), ...preview.changes.flatMap((c) => [...c.before, ...c.after])]);
  return {
    ...preview,
    weeks,
    users: preview.users.map((u) => ({ ...u, name: ref(u.userId).name })),
    changes: preview.changes.map((c) => ({ start: c.start, end: c.end, before: c.before.map(ref), after: c.after.map(ref) })),
  };
}
