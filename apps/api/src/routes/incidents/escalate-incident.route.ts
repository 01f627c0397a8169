import { escalateIncidentBody } from '@heinrich/contracts/incidents';
import { requestEscalation } from '@heinrich/usecases/escalation/request-escalation';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { incidentDetailJson } from './incident-json';
import { parseIncidentRef } from './parse-incident-ref';

/**
 * POST /api/v1/incidents/{id}/escalate `{"toStep"?}` — 202 with the incident:
 * the request is recorded; the worker moves the escalation on at once.
 */
export function escalateIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const ref = parseIncidentRef(req.params.id);
    const { toStep } = parse(escalateIncidentBody, req.body ?? {});
    res.status(202).json(incidentDetailJson(await requestEscalation(deps.ctx, principalOf(res), ref, toStep)));
  };
}
