import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findActiveCalendarFeed } from '@heinrich/db/schedules/find-active-calendar-feed';
import { revokeCalendarFeedById } from '@heinrich/db/schedules/revoke-calendar-feed-by-id';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { lockCalendarFeedOwner, type CalendarFeedTarget } from './calendar-feed-owner';
import { feedSnapshot } from './rotate-calendar-feed';

/**
 * Turns the active feed of a schedule or person off: its URL answers 404 from
 * the next request on. Nothing active is no error (and records nothing).
 */
export async function revokeCalendarFeed(ctx: Context, principal: Principal, target: CalendarFeedTarget): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const owner = await lockCalendarFeedOwner(tx, target);
    requireAllowed(principal, 'calendar_feed.revoke', owner.resource);
    const active = await findActiveCalendarFeed(tx, owner.activeFor);
    if (!active) return;
    await revokeCalendarFeedById(tx, active.id, ctx.now());
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'calendar_feed.revoke',
      entityType: 'calendar_feed',
      entityId: active.id,
      before: feedSnapshot(active),
      after: null,
    });
  });
}
