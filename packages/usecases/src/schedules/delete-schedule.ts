import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findPoliciesPagingSchedule } from '@heinrich/db/schedules/find-policies-paging-schedule';
import { deleteScheduleById } from '@heinrich/db/schedules/delete-schedule-by-id';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findSchedule } from './find-schedule';
import { scheduleSnapshot } from './schedule-snapshot';

/**
 * Deletes a schedule (leads of its team, or admins) with its revisions,
 * overrides and calendar feed (ON DELETE CASCADE; its feed URL answers 404 from
 * then on). No version is needed: there is nothing left to overwrite. A
 * schedule an escalation policy pages is not deleted (409 naming the policies):
 * their steps would page nobody.
 */
export async function deleteSchedule(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockSchedule(tx, id))) throw AppError.notFound('Schedule', id);
    const before = await findSchedule(tx, id);
    const team = await getTeamRef(tx, before.teamId);
    requireAllowed(principal, 'schedule.delete', { schedule: before.name, team });
    const policies = await findPoliciesPagingSchedule(tx, id);
    if (policies.length > 0) {
      throw new AppError('conflict', `Cannot delete schedule ${before.name}: escalation policies page it (${policies.join(', ')}); take it out of their steps first`);
    }
    await deleteScheduleById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'schedule.delete',
      entityType: 'schedule',
      entityId: id,
      before: scheduleSnapshot(before),
      after: null,
    });
  });
}
