import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { AppError } from '@heinrich/core/app-error';
import { parseInstant } from '@heinrich/core/schedule/parse-instant';
import { validateOverride } from '@heinrich/core/schedule/validate-schedule';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertScheduleOverride } from '@heinrich/db/schedules/insert-schedule-override';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import { findUserRef } from '@heinrich/db/users/find-user-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkOnCallUsers } from './check-on-call-users';
import { throwIfInvalid } from './invalid-request';
import { overrideSnapshot, type OverrideRecord } from './override-record';

export interface NewOverride {
  userId: string;
  /** RFC 3339 instants with an offset; [start, end) */
  start: string;
  end: string;
}

/**
 * Puts `userId` on call instead of whoever the layers say, over every layer, for
 * [start, end). Leads of the schedule's team and admins for anyone; a responder
 * of the team for themselves only (taking a shift). The user must be able to
 * act on the pages (check-on-call-users.ts).
 *
 * The past stays as it was: an override must end after now, and a start before
 * now is moved to now (the answer shows the stored start). Where overrides
 * overlap, the one created later wins.
 */
export async function createOverride(ctx: Context, principal: Principal, scheduleId: string, input: NewOverride): Promise<OverrideRecord> {
  throwIfInvalid(validateOverride(input));
  const now = ctx.now();
  const start = parseInstant(input.start) as number;
  const end = parseInstant(input.end) as number;
  if (end <= now.getTime()) {
    throwIfInvalid([{ path: 'end', message: `must be in the future (now is ${now.toISOString()}): past shifts stay as they were`, params: { now: now.toISOString() } }]);
  }
  return withTransaction(ctx.db, async (tx) => {
    const schedule = await lockSchedule(tx, scheduleId);
    if (!schedule) throw AppError.notFound('Schedule', scheduleId);
    const user = await findUserRef(tx, input.userId);
    if (!user) throwIfInvalid([{ path: 'userId', message: `refers to user ${input.userId}, which does not exist` }]);
    const team = await getTeamRef(tx, schedule.teamId);
    requireAllowed(principal, 'schedule_override.create', { schedule: schedule.name, team, user: user as { id: string; name: string } });
    await checkOnCallUsers(tx, team, [{ path: 'userId', userId: input.userId }]);
    const created = await insertScheduleOverride(tx, {
      scheduleId,
      userId: input.userId,
      startsAt: new Date(Math.max(start, now.getTime())),
      endsAt: new Date(end),
      createdBy: principalId(principal),
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'schedule_override.create',
      entityType: 'schedule_override',
      entityId: created.id,
      before: null,
      after: overrideSnapshot(created),
    });
    return created;
  });
}
