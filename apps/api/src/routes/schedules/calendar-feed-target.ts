import type { CalendarFeedTarget } from '@heinrich/usecases/schedules/calendar-feed-owner';
import type { Request } from 'express';
import { parseId } from '../../http/parse';

/** Whose feed a route serves: `/schedules/{id}/...` or `/users/{id}/...`. */
export type FeedKind = CalendarFeedTarget['kind'];

export function feedTarget(kind: FeedKind, req: Request): CalendarFeedTarget {
  return kind === 'schedule'
    ? { kind, scheduleId: parseId(req.params.id, 'Schedule') }
    : { kind, userId: parseId(req.params.id, 'User') };
}

/** The feed's URL as calendar apps subscribe to it (the path the routing table serves). */
export function feedPath(target: CalendarFeedTarget): string {
  return target.kind === 'schedule' ? `/api/v1/schedules/${target.scheduleId}/calendar.ics` : `/api/v1/users/${target.userId}/on-call.ics`;
}
