import { rangeQuery, type GapsJson } from '@heinrich/contracts/schedules';
import { getGaps } from '@heinrich/usecases/schedules/get-gaps';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';

/** GET /api/v1/schedules/{id}/gaps?from&to — the stretches with nobody on call. */
export function getGapsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Schedule');
    res.json((await getGaps(deps.ctx, id, parse(rangeQuery, req.query, 'Query'))) satisfies GapsJson);
  };
}
