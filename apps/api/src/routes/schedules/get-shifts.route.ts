import { shiftsQuery, type ShiftsJson } from '@heinrich/contracts/schedules';
import { getShifts } from '@heinrich/usecases/schedules/get-shifts';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';

/** GET /api/v1/schedules/{id}/shifts?from&to[&layers=true] — the final timeline of [from, to), at most a year. */
export function getShiftsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Schedule');
    const query = parse(shiftsQuery, req.query, 'Query');
    res.json((await getShifts(deps.ctx, id, { from: query.from, to: query.to, layers: query.layers === 'true' })) satisfies ShiftsJson);
  };
}
