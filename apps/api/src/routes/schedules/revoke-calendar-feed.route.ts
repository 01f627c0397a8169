import { revokeCalendarFeed } from '@heinrich/usecases/schedules/revoke-calendar-feed';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { feedTarget, type FeedKind } from './calendar-feed-target';

/** DELETE /api/v1/schedules/{id}/calendar-feed and /api/v1/users/{id}/calendar-feed — 204; the URL answers 404 from then on. */
export function revokeCalendarFeedRoute(deps: AppDeps, kind: FeedKind): RequestHandler {
  return async (req, res) => {
    await revokeCalendarFeed(deps.ctx, principalOf(res), feedTarget(kind, req));
    res.status(204).end();
  };
}
