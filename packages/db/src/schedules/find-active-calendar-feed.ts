import { prismaOf, type Queryable } from '../queryable';
import { FEED_SUMMARY, type CalendarFeedSummary } from './calendar-feed-summary';

/** The active feed of `activeFor` ("schedule:<id>" or "user:<id>"), or null. */
export async function findActiveCalendarFeed(q: Queryable, activeFor: string): Promise<CalendarFeedSummary | null> {
  return prismaOf(q).calendarFeed.findUnique({ where: { activeFor }, select: FEED_SUMMARY });
}
