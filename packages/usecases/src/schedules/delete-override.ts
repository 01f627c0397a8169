import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { OVERRIDE_SELECT, overrideSnapshot, type OverrideRecord } from './override-record';

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
  return ctx.db.prisma.$transaction(async (tx) => {
    const schedule = await lockSchedule(tx, scheduleId);
    if (!schedule) throw AppError.notFound('Schedule', scheduleId);
    const override = await tx.scheduleOverride.findFirst({ where: { id: overrideId, scheduleId }, select: OVERRIDE_SELECT });
    if (!override) throw AppError.notFound('Override', overrideId);
    const team = await tx.team.findUniqueOrThrow({ where: { id: schedule.teamId }, select: { id: true, name: true } });
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
      await tx.scheduleOverride.delete({ where: { id: overrideId } });
      await recordAudit(tx, actor, { action: 'schedule_override.delete', entityType: 'schedule_override', entityId: overrideId, before: overrideSnapshot(override), after: null });
      return { outcome: 'deleted' };
    }
    const ended = await tx.scheduleOverride.update({ where: { id: overrideId }, data: { endsAt: now }, select: OVERRIDE_SELECT });
    await recordAudit(tx, actor, {
      action: 'schedule_override.end',
      entityType: 'schedule_override',
      entityId: overrideId,
      before: overrideSnapshot(override),
      after: overrideSnapshot(ended),
    });
    return { outcome: 'ended', override: ended };
  });
}
