import type { CalendarFeedJson } from '@heinrich/contracts/schedules';
import { rotateCalendarFeed } from '@heinrich/usecases/schedules/rotate-calendar-feed';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { feedPath, feedTarget, type FeedKind } from './calendar-feed-target';

/**
 * POST /api/v1/schedules/{id}/calendar-feed and /api/v1/users/{id}/calendar-feed —
 * 201 with the feed's URL (PUBLIC_URL + path + ?token=...), shown this once; the
 * previous URL stops working.
 */
export function rotateCalendarFeedRoute(deps: AppDeps, kind: FeedKind): RequestHandler {
  return async (req, res) => {
    const target = feedTarget(kind, req);
    const { feed, token } = await rotateCalendarFeed(deps.ctx, principalOf(res), target);
    const url = `${deps.config.publicUrl.replace(/\/+$/, '')}${feedPath(target)}?token=${encodeURIComponent(token)}`;
    // the URL is a secret: not for shared caches or a browser's history of responses
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      id: feed.id,
      scheduleId: feed.scheduleId,
      userId: feed.userId,
      createdAt: feed.createdAt.toISOString(),
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
    } satisfies CalendarFeedJson);
  };
}
