import type { StormActionJson } from '@heinrich/contracts/storms';
import { actOnStorm, type StormAction } from '@heinrich/usecases/storms/act-on-storm';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseStormId } from './parse-storm-id';
import { stormJson } from './storm-json';

/**
 * POST /api/v1/storms/{id}/acknowledge and /resolve — acknowledge-all /
 * resolve-all: 200 saying how many incidents changed (0 when repeated).
 */
export function actOnStormRoute(deps: AppDeps, action: StormAction): RequestHandler {
  return async (req, res) => {
    const result = await actOnStorm(deps.ctx, principalOf(res), parseStormId(req.params.id), action);
    const body: StormActionJson = { action, changed: result.incidents.length, incidents: result.incidents, storm: stormJson(result.storm) };
    res.json(body);
  };
}
