import { onCallQuery, type OnCallJson } from '@heinrich/contracts/schedules';
import { getOnCall } from '@heinrich/usecases/schedules/get-on-call';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';

/** GET /api/v1/schedules/{id}/on-call?at — who is on call at `at` (default now), and why. */
export function getOnCallRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Schedule');
    const { at } = parse(onCallQuery, req.query, 'Query');
    res.json((await getOnCall(deps.ctx, id, at)) satisfies OnCallJson);
  };
}
