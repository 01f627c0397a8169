import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { CalendarFeedSummary } from '@heinrich/db/schedules/calendar-feed-summary';
import { findActiveCalendarFeed } from '@heinrich/db/schedules/find-active-calendar-feed';
import { insertCalendarFeed } from '@heinrich/db/schedules/insert-calendar-feed';
import { revokeCalendarFeedById } from '@heinrich/db/schedules/revoke-calendar-feed-by-id';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { lockCalendarFeedOwner, type CalendarFeedTarget } from './calendar-feed-owner';

export type { CalendarFeedSummary };

/**
 * A new feed token for a schedule (its team's leads, or admins) or a person
 * (themselves, or admins); the previous one stops working at once (one active
 * feed each, enforced by the unique `active_for`). The token (`hcal_` + 24
 * random bytes, base64url) is returned here and nowhere else: the database keeps
 * its SHA-256. It is the feed's only credential, because calendar apps can't
 * send a session or an API key.
 */
export async function rotateCalendarFeed(
  ctx: Context,
  principal: Principal,
  target: CalendarFeedTarget,
): Promise<{ feed: CalendarFeedSummary; token: string }> {
  const token = `hcal_${randomBytes(24).toString('base64url')}`;
  const feed = await withTransaction(ctx.db, async (tx) => {
    const owner = await lockCalendarFeedOwner(tx, target);
    requireAllowed(principal, 'calendar_feed.rotate', owner.resource);
    const now = ctx.now();
    const previous = await findActiveCalendarFeed(tx, owner.activeFor);
    if (previous) await revokeCalendarFeedById(tx, previous.id, now);
    const created = await insertCalendarFeed(tx, {
      scheduleId: owner.scheduleId,
      userId: owner.userId,
      tokenHash: sha256Hex(token),
      activeFor: owner.activeFor,
      createdBy: principalId(principal),
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'calendar_feed.rotate',
      entityType: 'calendar_feed',
      entityId: created.id,
      before: previous ? feedSnapshot(previous) : null,
      after: feedSnapshot(created),
    });
    return created;
  });
  return { feed, token };
}

/** A feed as the audit log records it: never the token or its hash. */
export function feedSnapshot(f: CalendarFeedSummary) {
  return { id: f.id, scheduleId: f.scheduleId, userId: f.userId, createdAt: f.createdAt.toISOString() };
}
