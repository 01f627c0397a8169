import { getStorm } from '@heinrich/usecases/storms/get-storm';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseStormId } from './parse-storm-id';
import { stormDetailJson } from './storm-json';

/** GET /api/v1/storms/{id} — with its counts by alertname and its incidents. */
export function getStormRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const detail = await getStorm(deps.ctx, parseStormId(req.params.id));
    res.json(stormDetailJson(detail));
  };
}
