import { listOverridesQuery } from '@heinrich/contracts/schedules';
import { listOverrides } from '@heinrich/usecases/schedules/list-overrides';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';
import { overrideJson } from './override-json';

/** GET /api/v1/schedules/{id}/overrides?from&to&limit&cursor — overlapping [from (default now), to), by start. */
export function listOverridesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const scheduleId = parseId(req.params.id, 'Schedule');
    const page = await listOverrides(deps.ctx, scheduleId, parse(listOverridesQuery, req.query, 'Query'));
    res.json({ items: page.items.map(overrideJson), nextCursor: page.nextCursor });
  };
}
