import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { lockCalendarFeedOwner, type CalendarFeedTarget } from './calendar-feed-owner';

export interface CalendarFeedSummary {
  id: string;
  scheduleId: string | null;
  userId: string | null;
  createdAt: Date;
}

const FEED_SUMMARY = { id: true, scheduleId: true, userId: true, createdAt: true } as const;

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
  const feed = await ctx.db.prisma.$transaction(async (tx) => {
    const owner = await lockCalendarFeedOwner(tx, target);
    requireAllowed(principal, 'calendar_feed.rotate', owner.resource);
    const now = ctx.now();
    const previous = await tx.calendarFeed.findUnique({ where: { activeFor: owner.activeFor }, select: FEED_SUMMARY });
    if (previous) await tx.calendarFeed.update({ where: { id: previous.id }, data: { activeFor: null, revokedAt: now } });
    const created = await tx.calendarFeed.create({
      data: {
        scheduleId: owner.scheduleId,
        userId: owner.userId,
        tokenHash: sha256Hex(token),
        activeFor: owner.activeFor,
        createdBy: principalId(principal),
      },
      select: FEED_SUMMARY,
    });
    await recordAudit(tx, auditActorOf(principal), {
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
