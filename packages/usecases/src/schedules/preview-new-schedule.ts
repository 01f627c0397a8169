import { AppError } from '@heinrich/core/app-error';
import { previewNewSchedule as preview } from '@heinrich/core/schedule/preview-new-schedule';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import type { Context } from '../context';
import { checkOnCallUsers, layerMemberRefs } from './check-on-call-users';
import { checkScheduleDefinition } from './check-schedule-definition';
import type { PreviewAnswer } from './preview-schedule-change';
import { toCoreSchedule, toLayerDefinitions, type LayerInput } from './schedule-record';
import { findUserRefs } from './user-refs';

const WEEK = 7 * 86_400_000;

export interface NewScheduleProposal {
  teamId: string;
  timeZone: string;
  layers: LayerInput[];
}

/**
 * What a schedule would do over the next `weeks` weeks if it were created now:
 * the same preview as an edit's (previewScheduleChange), measured against no
 * schedule at all (core previewNewSchedule), so every hour is gained and
 * `newGaps` lists every stretch with nobody on call. The proposal gets the same 400s the POST would (zone,
 * layers, who may be on call); nothing is saved, and every caller may ask.
 */
export async function previewNewSchedule(ctx: Context, proposal: NewScheduleProposal, weeks: number): Promise<PreviewAnswer> {
  const layers = toLayerDefinitions(proposal.layers);
  checkScheduleDefinition(proposal.timeZone, layers);
  const team = await findTeamRef(ctx.db.pool, proposal.teamId);
  if (!team) {
    const message = `refers to team ${proposal.teamId}, which does not exist`;
    throw new AppError('validation_failed', `Request body is invalid: teamId ${message}`, [{ path: 'teamId', message }]);
  }
  await checkOnCallUsers(ctx.db.pool, team, layerMemberRefs(layers));
  const from = ctx.now();
  const to = new Date(from.getTime() + weeks * WEEK);
  const p = preview(toCoreSchedule('new', proposal.timeZone, layers), from, to);
  const ref = await findUserRefs(ctx.db.pool, p.users.map((u) => u.userId));
  return {
    ...p,
    weeks,
    users: p.users.map((u) => ({ ...u, name: ref(u.userId).name })),
    changes: p.changes.map((c) => ({ start: c.start, end: c.end, before: c.before.map(ref), after: c.after.map(ref) })),
  };
}
