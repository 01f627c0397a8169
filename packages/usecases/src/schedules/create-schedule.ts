import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertSchedule } from '@heinrich/db/schedules/insert-schedule';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { checkOnCallUsers, layerMemberRefs } from './check-on-call-users';
import { checkScheduleDefinition } from './check-schedule-definition';
import { findSchedule } from './find-schedule';
import { toLayerDefinitions, type LayerInput, type ScheduleRecord } from './schedule-record';
import { scheduleSnapshot } from './schedule-snapshot';

export interface NewSchedule {
  name: string;
  description: string | null;
  teamId: string;
  timeZone: string;
  layers: LayerInput[];
}

/**
 * A new schedule of a team (its leads, or admins), version 1, with its first
 * revision effective now; that first revision also answers for the time before
 * (docs/schedules.md, "Edits").
 */
export async function createSchedule(ctx: Context, principal: Principal, input: NewSchedule): Promise<ScheduleRecord> {
  const layers = toLayerDefinitions(input.layers);
  checkScheduleDefinition(input.timeZone, layers);
  const team = await findTeamRef(ctx.db.pool, input.teamId);
  if (!team) {
    const message = `refers to team ${input.teamId}, which does not exist`;
    throw new AppError('validation_failed', `Request body is invalid: teamId ${message}`, [{ path: 'teamId', message }]);
  }
  requireAllowed(principal, 'schedule.create', { schedule: input.name, team });
  return withTransaction(ctx.db, async (tx) => {
    await checkOnCallUsers(tx, team, layerMemberRefs(layers));
    const id = await insertSchedule(tx, {
      teamId: team.id,
      name: input.name,
      description: input.description,
      timeZone: input.timeZone,
      effectiveFrom: ctx.now(),
      layers,
      createdBy: principalId(principal),
    });
    const schedule = await findSchedule(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'schedule.create',
      entityType: 'schedule',
      entityId: id,
      before: null,
      after: scheduleSnapshot(schedule),
    });
    return schedule;
  });
}
