import { getSchedule } from '@heinrich/usecases/schedules/get-schedule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { sendSchedule } from './schedule-json';

/** GET /api/v1/schedules/{id} — with `ETag: "<version>"`. */
export function getScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    sendSchedule(res, await getSchedule(deps.ctx, parseId(req.params.id, 'Schedule')));
  };
}
