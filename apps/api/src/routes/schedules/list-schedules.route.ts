import { listSchedulesQuery } from '@heinrich/contracts/schedules';
import { listSchedules } from '@heinrich/usecases/schedules/list-schedules';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { scheduleJson } from './schedule-json';

/** GET /api/v1/schedules?teamId&limit&cursor — oldest first. */
export function listSchedulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(listSchedulesQuery, req.query, 'Query');
    const page = await listSchedules(deps.ctx, query);
    res.json({ items: page.items.map(scheduleJson), nextCursor: page.nextCursor });
  };
}
