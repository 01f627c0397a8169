import { prismaOf, type Queryable } from '../queryable';
import { FEED_SUMMARY, type CalendarFeedSummary } from './calendar-feed-summary';

/** A new active feed (one per `activeFor`, enforced by its unique index). */
export async function insertCalendarFeed(
  q: Queryable,
  feed: { scheduleId: string | null; userId: string | null; tokenHash: string; activeFor: string; createdBy: string },
): Promise<CalendarFeedSummary> {
  return prismaOf(q).calendarFeed.create({ data: feed, select: FEED_SUMMARY });
}
