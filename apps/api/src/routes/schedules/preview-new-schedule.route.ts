import { previewNewScheduleBody, previewQuery, type PreviewJson } from '@heinrich/contracts/schedules';
import { previewNewSchedule } from '@heinrich/usecases/schedules/preview-new-schedule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/**
 * POST /api/v1/schedules/preview?weeks=4 — a proposed new schedule (the POST
 * /schedules body); 200 with who would be on call over the next `weeks` weeks
 * and every gap. Saves nothing.
 */
export function previewNewScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { weeks } = parse(previewQuery, req.query, 'Query');
    const { teamId, timeZone, layers } = parse(previewNewScheduleBody, req.body ?? {});
    res.json((await previewNewSchedule(deps.ctx, { teamId, timeZone, layers }, weeks)) satisfies PreviewJson);
  };
}
