import { AppError } from '@heinrich/core/app-error';
import type { CalendarFeedResource } from '@heinrich/core/authz/authorize';
import { lockRow } from '@heinrich/db/lock-row';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import { findUserRef } from '@heinrich/db/users/find-user-ref';
import type { Tx } from '@heinrich/db/with-transaction';

/** Whose feed: a schedule's, or a person's own on-call feed (every schedule they are on). */
export type CalendarFeedTarget = { kind: 'schedule'; scheduleId: string } | { kind: 'user'; userId: string };

/**
 * Locks the feed's owner row (so two rotations queue up and exactly one feed stays
 * active) and returns what authorization needs and the key of its active feed
 * (`calendar_feeds.active_for`); 404 when the owner does not exist.
 */
export async function lockCalendarFeedOwner(
  tx: Tx,
  target: CalendarFeedTarget,
): Promise<{ resource: CalendarFeedResource; activeFor: string; scheduleId: string | null; userId: string | null }> {
  if (target.kind === 'schedule') {
    const schedule = await lockSchedule(tx, target.scheduleId);
    if (!schedule) throw AppError.notFound('Schedule', target.scheduleId);
    const team = await getTeamRef(tx, schedule.teamId);
    return { resource: { feed: 'schedule', schedule: schedule.name, team }, activeFor: `schedule:${schedule.id}`, scheduleId: schedule.id, userId: null };
  }
  if (!(await lockRow(tx, 'users', target.userId))) throw AppError.notFound('User', target.userId);
  const user = await findUserRef(tx, target.userId);
  // locked above, so it is there
  if (!user) throw AppError.notFound('User', target.userId);
  return { resource: { feed: 'user', user }, activeFor: `user:${user.id}`, scheduleId: null, userId: user.id };
}
