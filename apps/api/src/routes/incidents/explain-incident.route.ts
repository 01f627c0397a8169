import { explainIncidentQuery, type ExplainIncidentResponse } from '@heinrich/contracts/incidents';
import { explainIncident } from '@heinrich/usecases/incidents/explain-incident';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { parseIncidentRef } from './parse-incident-ref';

/** GET /api/v1/incidents/{id or number}/explain[?userId=] — why each person was (or was not) paged, from recorded events. */
export function explainIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { userId } = parse(explainIncidentQuery, req.query, 'Query');
    const { incident, people, alertRules } = await explainIncident(deps.ctx, parseIncidentRef(req.params.id), userId?.toLowerCase());
    res.json({ incidentId: incident.id, number: incident.number, status: incident.status, people, alertRules } satisfies ExplainIncidentResponse);
  };
}
