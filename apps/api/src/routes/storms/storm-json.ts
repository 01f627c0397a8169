import type { StormDetailJson, StormJson } from '@heinrich/contracts/storms';
import type { StormDetail } from '@heinrich/usecases/storms/get-storm';
import { incidentJson } from '../incidents/incident-json';

type StormRecord = StormDetail['storm'];

/** A storm as lists show it. */
export function stormJson(s: StormRecord): StormJson {
  return {
    id: s.id,
    serviceId: s.serviceId,
    serviceName: s.serviceName,
    title: s.title,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    active: s.endedAt === null,
    pageIncident: s.pageIncident,
    trigger: { incidents: s.triggerIncidents, windowSeconds: s.windowSeconds },
    totals: s.totals,
    lastIncidentAt: s.lastIncidentAt.toISOString(),
  };
}

/** GET /api/v1/storms/{id}: with its counts by alertname and its incidents. */
export function stormDetailJson(d: StormDetail): StormDetailJson {
  return { ...stormJson(d.storm), counts: d.counts, incidents: d.incidents.map(incidentJson) };
}
