import { updateScheduleBody } from '@heinrich/contracts/schedules';
import { updateSchedule } from '@heinrich/usecases/schedules/update-schedule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { parseIfMatch } from './if-match';
import { sendSchedule } from './schedule-json';

/**
 * PATCH /api/v1/schedules/{id} — needs the version the change is based on:
 * `If-Match: "<version>"` (412 when stale) or `version` in the body (409 when
 * stale); neither is a 428. 200 with the schedule and its new ETag.
 */
export function updateScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Schedule');
    const { version, ...changes } = parse(updateScheduleBody, req.body ?? {});
    const ifMatch = parseIfMatch(req.get('if-match'));
    const schedule = await updateSchedule(deps.ctx, principalOf(res), id, changes, {
      ...(ifMatch !== undefined ? { ifMatch } : {}),
      ...(version !== undefined ? { version } : {}),
    });
    sendSchedule(res, schedule);
  };
}
