import { deleteSchedule } from '@heinrich/usecases/schedules/delete-schedule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/schedules/{id} — 204; its overrides and feed go with it. */
export function deleteScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteSchedule(deps.ctx, principalOf(res), parseId(req.params.id, 'Schedule'));
    res.status(204).end();
  };
}
