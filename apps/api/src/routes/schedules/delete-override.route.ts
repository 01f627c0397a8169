import { deleteOverride } from '@heinrich/usecases/schedules/delete-override';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';
import { overrideJson } from './override-json';

/**
 * DELETE /api/v1/schedules/{id}/overrides/{overrideId} — 204 when it had not
 * begun; 200 with the override cut to end now when it was in progress; 409 when
 * it is over (the past stays).
 */
export function deleteOverrideRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const scheduleId = parseId(req.params.id, 'Schedule');
    const result = await deleteOverride(deps.ctx, principalOf(res), scheduleId, parseId(req.params.overrideId, 'Override'));
    if (result.outcome === 'ended') res.json(overrideJson(result.override));
    else res.status(204).end();
  };
}
