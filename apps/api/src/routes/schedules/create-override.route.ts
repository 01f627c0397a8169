import { createOverrideBody } from '@heinrich/contracts/schedules';
import { createOverride } from '@heinrich/usecases/schedules/create-override';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { overrideJson } from './override-json';

/** POST /api/v1/schedules/{id}/overrides — 201 with the override (a start in the past is moved to now). */
export function createOverrideRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const scheduleId = parseId(req.params.id, 'Schedule');
    const body = parse(createOverrideBody, req.body);
    const override = await createOverride(deps.ctx, principalOf(res), scheduleId, body);
    res.status(201).location(`/api/v1/schedules/${scheduleId}/overrides/${override.id}`).json(overrideJson(override));
  };
}
