import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { deleteScheduleOverride } from '@heinrich/db/schedules/delete-schedule-override';
import { endScheduleOverride } from '@heinrich/db/schedules/end-schedule-override';
import { findScheduleOverride } from '@heinrich/db/schedules/find-schedule-override';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { overrideSnapshot, type OverrideRecord } from './override-record';

/**
 * Removes an override without touching the past (PagerDuty's rule for
 * `DELETE /schedules/{id}/overrides/{override_id}`, developer.pagerduty.com
 * API reference: "You cannot remove a past override ... truncated to the
 * current time"): one that has not begun is deleted (`deleted`); one in
 * progress is cut to end now (`ended`, with the override as it now is); one
 * that is over is a 409. Leads and admins for anyone's; a responder for their own.
 */
export async function deleteOverride(
  ctx: Context,
  principal: Principal,
  scheduleId: string,
  overrideId: string,
): Promise<{ outcome: 'deleted' } | { outcome: 'ended'; override: OverrideRecord }> {
  return withTransaction(ctx.db, async (tx) => {
    const schedule = await lockSchedule(tx, scheduleId);
    if (!schedule) throw AppError.notFound('Schedule', scheduleId);
    const override = await findScheduleOverride(tx, scheduleId, overrideId);
    if (!override) throw AppError.notFound('Override', overrideId);
    const team = await getTeamRef(tx, schedule.teamId);
    requireAllowed(principal, 'schedule_override.delete', { schedule: schedule.name, team, user: { id: override.userId, name: override.user.name } });
    const now = ctx.now();
    if (override.endsAt <= now) {
      throw new AppError(
        'conflict',
        `Cannot remove override ${overrideId} of schedule ${schedule.name}: it ended at ${override.endsAt.toISOString()}, and past shifts stay as they were`,
      );
    }
    const actor = auditActorOf(principal);
    if (override.startsAt >= now) {
      await deleteScheduleOverride(tx, overrideId);
      await insertAuditEntry(tx, actor, { action: 'schedule_override.delete', entityType: 'schedule_override', entityId: overrideId, before: overrideSnapshot(override), after: null });
      return { outcome: 'deleted' };
    }
    const ended = await endScheduleOverride(tx, overrideId, now);
    await insertAuditEntry(tx, actor, {
      action: 'schedule_override.end',
      entityType: 'schedule_override',
      entityId: overrideId,
      before: overrideSnapshot(override),
      after: overrideSnapshot(ended),
    });
    return { outcome: 'ended', override: ended };
  });
}
