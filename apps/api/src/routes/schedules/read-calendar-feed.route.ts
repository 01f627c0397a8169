import { calendarQuery } from '@heinrich/contracts/schedules';
import type { OnCallReason } from '@heinrich/core/schedule/schedule';
import { readCalendarFeed } from '@heinrich/usecases/schedules/read-calendar-feed';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { feedTarget, type FeedKind } from './calendar-feed-target';
import { renderICalendar } from './ical-calendar';

/**
 * GET /api/v1/schedules/{id}/calendar.ics?token and /api/v1/users/{id}/on-call.ics?token —
 * RFC 5545 text; the token in the URL is the only credential (calendar apps send
 * nothing else). An unknown, rotated or revoked token is a 404.
 */
export function readCalendarFeedRoute(deps: AppDeps, kind: FeedKind): RequestHandler {
  return async (req, res) => {
    const target = feedTarget(kind, req);
    const { token } = parse(calendarQuery, req.query, 'Query');
    const feed = await readCalendarFeed(deps.ctx, target, token);
    const text = renderICalendar({
      name: feed.name,
      generatedAt: deps.ctx.now(),
      events: feed.events.map((e) => ({
        uid: e.uid,
        start: e.start,
        end: e.end,
        summary: `On call: ${e.userName ?? 'deleted user'} (${e.scheduleName})`,
        description: e.because.map(describe).join('\n'),
      })),
    });
    // the URL is a credential: keep the answer out of shared caches
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('text/calendar; charset=utf-8').send(text);
  };
}

function describe(reason: OnCallReason): string {
  return reason.kind === 'override' ? 'Override' : `Layer ${reason.layerName}, rotation shift ${reason.shiftNumber + 1}`;
}
