import { setIncidentStatus } from '@heinrich/usecases/incidents/set-incident-status';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { incidentDetailJson } from './incident-json';
import { parseIncidentRef } from './parse-incident-ref';

/**
 * POST /api/v1/incidents/{id}/acknowledge and /resolve — 200 with the incident;
 * repeating is a 200 that changes nothing; acknowledging a resolved one is a 409.
 */
export function setIncidentStatusRoute(deps: AppDeps, action: 'acknowledge' | 'resolve'): RequestHandler {
  return async (req, res) => {
    const detail = await setIncidentStatus(deps.ctx, principalOf(res), parseIncidentRef(req.params.id), action);
    res.json(incidentDetailJson(detail));
  };
}
