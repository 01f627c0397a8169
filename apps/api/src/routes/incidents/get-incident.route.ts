import { getIncident } from '@heinrich/usecases/incidents/get-incident';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { incidentDetailJson } from './incident-json';
import { parseIncidentRef } from './parse-incident-ref';

/** GET /api/v1/incidents/{id or number} — with alerts and the timeline. */
export function getIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const detail = await getIncident(deps.ctx, parseIncidentRef(req.params.id));
    res.json(incidentDetailJson(detail));
  };
}
