import { createScheduleBody } from '@heinrich/contracts/schedules';
import { createSchedule } from '@heinrich/usecases/schedules/create-schedule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { sendSchedule } from './schedule-json';

/** POST /api/v1/schedules — 201 with the schedule (version 1) and its ETag. */
export function createScheduleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createScheduleBody, req.body);
    const schedule = await createSchedule(deps.ctx, principalOf(res), body);
    res.location(`/api/v1/schedules/${schedule.id}`);
    sendSchedule(res, schedule, 201);
  };
}
