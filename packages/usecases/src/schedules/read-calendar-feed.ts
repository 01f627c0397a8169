import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { shiftsAcrossRevisions } from '@heinrich/core/schedule/revisions';
import type { OnCallReason } from '@heinrich/core/schedule/schedule';
import { findCalendarFeed } from '@heinrich/db/schedules/find-calendar-feed';
import { findUserScheduleIds } from '@heinrich/db/schedules/find-user-schedule-ids';
import type { Context } from '../context';
import type { CalendarFeedTarget } from './calendar-feed-owner';
import { loadResolvableSchedule } from './load-resolvable-schedule';
import { findUserRefs } from './user-refs';

const DAY = 86_400_000;
/** Days of the past a feed shows, counted from the start of today (UTC). */
export const FEED_PAST_DAYS = 7;
/** Days after today a feed shows (today itself is extra, so at least this many days ahead). */
export const FEED_FUTURE_DAYS = 60;

/** One final shift of someone in a schedule: a calendar event. */
export interface CalendarEvent {
  /** the same for the same shift on every fetch (schedule, person, start) */
  uid: string;
  start: string;
  end: string;
  userId: string;
  userName: string | null;
  scheduleId: string;
  scheduleName: string;
  because: OnCallReason[];
}

export interface CalendarFeedContent {
  /** the calendar's name: the schedule's, or the person's */
  name: string;
  /** the window shown, [from, to) */
  from: string;
  to: string;
  events: CalendarEvent[];
}

/**
 * A feed's events, authenticated by its token alone (calendar apps can't send a
 * session): a token that is unknown, rotated, revoked, or of another feed is a
 * 404 that says no more. The window is whole UTC days, from FEED_PAST_DAYS
 * before today to FEED_FUTURE_DAYS after it, so an event cut by the window's
 * edge changes at most once a day. Events are the final shifts with someone on
 * call (`shifts`, gaps left out): a schedule feed has everyone's, a person's
 * feed theirs in every schedule.
 */
export async function readCalendarFeed(ctx: Context, target: CalendarFeedTarget, token: string): Promise<CalendarFeedContent> {
  const feed = await findCalendarFeed(ctx.db.pool, sha256Hex(token));
  const matches = feed && (target.kind === 'schedule' ? feed.scheduleId === target.scheduleId : feed.userId === target.userId);
  if (!matches) throw new AppError('not_found', 'No calendar feed here: the token is unknown, or was rotated or revoked; ask for the new feed URL');

  const today = Math.floor(ctx.now().getTime() / DAY) * DAY;
  const from = new Date(today - FEED_PAST_DAYS * DAY);
  const to = new Date(today + (FEED_FUTURE_DAYS + 1) * DAY);
  const scheduleIds = target.kind === 'schedule' ? [target.scheduleId] : await findUserScheduleIds(ctx.db.pool, target.userId, from, to);

  const events: CalendarEvent[] = [];
  let scheduleName = '';
  for (const scheduleId of scheduleIds) {
    const schedule = await loadResolvableSchedule(ctx, scheduleId, from, to);
    scheduleName = schedule.name;
    const { shifts } = shiftsAcrossRevisions(schedule.revisions, schedule.overrides, from, to);
    for (const shift of shifts) {
      const userId = shift.users[0];
      if (userId === undefined || (target.kind === 'user' && userId !== target.userId)) continue;
      events.push({
        uid: `${sha256Hex(`${scheduleId}|${userId}|${shift.start}`).slice(0, 32)}@heinrich`,
        start: shift.start,
        end: shift.end,
        userId,
        userName: null,
        scheduleId,
        scheduleName: schedule.name,
        because: shift.because,
      });
    }
  }
  const ref = await findUserRefs(ctx.db.pool, [...events.map((e) => e.userId), ...(target.kind === 'user' ? [target.userId] : [])]);
  for (const event of events) event.userName = ref(event.userId).name;
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.scheduleName.localeCompare(b.scheduleName)));
  // a schedule feed: its schedule (the only one loaded); a person's: them
  const name = target.kind === 'schedule' ? `On call: ${scheduleName}` : `On call: ${ref(target.userId).name ?? 'deleted user'}`;
  return { name, from: from.toISOString(), to: to.toISOString(), events };
}
