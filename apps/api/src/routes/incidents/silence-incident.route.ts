import { silenceIncidentBody, type SilenceIncidentResponse, type SilenceJson, type UnsilenceIncidentResponse } from '@heinrich/contracts/silences';
import { findIncident } from '@heinrich/usecases/incidents/find-incident';
import { getIncident } from '@heinrich/usecases/incidents/get-incident';
import { silenceIncident, type IncidentSilenceView } from '@heinrich/usecases/silences/silence-incident';
import { unsilenceIncident } from '@heinrich/usecases/silences/unsilence-incident';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { incidentDetailJson } from './incident-json';
import { parseIncidentRef } from './parse-incident-ref';

/**
 * POST /api/v1/incidents/{id}/silence `{"durationMinutes"?}` — acknowledges the
 * incident and silences its alerts in Alertmanager: 201 `{silence, incident}`;
 * 200 with the silence in force when it is silenced already; 409 when it can't
 * be (resolved, no Alertmanager alerts, no Alertmanager known); 503 when
 * Alertmanager refused or did not answer (nothing changed).
 */
export function silenceIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const ref = parseIncidentRef(req.params.id);
    const { durationMinutes } = parse(silenceIncidentBody, req.body ?? {});
    const principal = principalOf(res);
    const incident = await findIncident(deps.ctx, ref);
    const outcome = await silenceIncident(deps.ctx, { incidentId: incident.id, principal, via: principal.via as 'api' | 'ui', durationMinutes });
    const detail = await getIncident(deps.ctx, { id: incident.id });
    res.status(outcome.created ? 201 : 200).json({ silence: silenceJson(outcome.silence), incident: incidentDetailJson(detail) } satisfies SilenceIncidentResponse);
  };
}

/**
 * DELETE /api/v1/incidents/{id}/silence — expires the incident's silence in
 * Alertmanager: 200 `{expired, incident}` (`expired: false` when there was none).
 */
export function unsilenceIncidentRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const principal = principalOf(res);
    const incident = await findIncident(deps.ctx, parseIncidentRef(req.params.id));
    const { expired } = await unsilenceIncident(deps.ctx, { incidentId: incident.id, principal, via: principal.via as 'api' | 'ui' });
    res.json({ expired, incident: incidentDetailJson(await getIncident(deps.ctx, { id: incident.id })) } satisfies UnsilenceIncidentResponse);
  };
}

function silenceJson(s: IncidentSilenceView): SilenceJson {
  return {
    id: s.id,
    alertmanagerSilenceId: s.alertmanagerSilenceId,
    alertmanagerUrl: s.alertmanagerUrl,
    matchers: s.matchers,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    createdBy: s.createdByName,
  };
}
