import { createIncidentBody } from '@heinrich/contracts/incidents';
import { createManualIncident } from '@heinrich/usecases/incidents/create-manual-incident';
import { getIncident } from '@heinrich/usecases/incidents/get-incident';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { incidentDetailJson } from './incident-json';

/** POST /api/v1/incidents — a manual incident on a service, optionally paging people directly; 201 with the incident. */
export function createIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createIncidentBody, req.body);
    const { id } = await createManualIncident(deps.ctx, principalOf(res), body);
    res.status(201).json(incidentDetailJson(await getIncident(deps.ctx, { id })));
  };
}
