import { previewQuery, previewScheduleBody, type PreviewJson } from '@heinrich/contracts/schedules';
import { previewScheduleChange } from '@heinrich/usecases/schedules/preview-schedule-change';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';

/**
 * POST /api/v1/schedules/{id}/preview?weeks=4 — a proposed PATCH body; 200 with
 * how the next `weeks` weeks would change. Saves nothing.
 */
export function previewScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Schedule');
    const { weeks } = parse(previewQuery, req.query, 'Query');
    const { version: _ignored, ...changes } = parse(previewScheduleBody, req.body ?? {});
    res.json((await previewScheduleChange(deps.ctx, id, changes, weeks)) satisfies PreviewJson);
  };
}
