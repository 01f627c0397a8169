import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { lockCalendarFeedOwner, type CalendarFeedTarget } from './calendar-feed-owner';
import { feedSnapshot } from './rotate-calendar-feed';

/**
 * Turns the active feed of a schedule or person off: its URL answers 404 from
 * the next request on. Nothing active is no error (and records nothing).
 */
export async function revokeCalendarFeed(ctx: Context, principal: Principal, target: CalendarFeedTarget): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const owner = await lockCalendarFeedOwner(tx, target);
    requireAllowed(principal, 'calendar_feed.revoke', owner.resource);
    const active = await tx.calendarFeed.findUnique({
      where: { activeFor: owner.activeFor },
      select: { id: true, scheduleId: true, userId: true, createdAt: true },
    });
    if (!active) return;
    await tx.calendarFeed.update({ where: { id: active.id }, data: { activeFor: null, revokedAt: ctx.now() } });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'calendar_feed.revoke',
      entityType: 'calendar_feed',
      entityId: active.id,
      before: feedSnapshot(active),
      after: null,
    });
  });
}
