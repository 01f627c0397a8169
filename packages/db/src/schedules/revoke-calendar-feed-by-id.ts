import { prismaOf, type Queryable } from '../queryable';

/** Turns the feed off: no longer active, revoked at `revokedAt`. */
export async function revokeCalendarFeedById(q: Queryable, id: string, revokedAt: Date): Promise<void> {
  await prismaOf(q).calendarFeed.update({ where: { id }, data: { activeFor: null, revokedAt } });
}
