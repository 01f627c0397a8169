import { z } from 'zod';
import { incidentJson } from './incidents';
import { instant, listQuery, uuid } from './primitives';

/** GET /api/v1/storms: newest first; `?serviceId=`, `?active=true` (only storms not yet ended; false: only ended ones) */
export const stormListQuery = listQuery.extend({
  serviceId: uuid.optional(),
  active: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true').optional(),
});
export type StormListQuery = z.infer<typeof stormListQuery>;

export const alertnameCountJson = z.strictObject({ alertname: z.string(), count: z.int() });

/** A storm as lists show it (docs/noise.md "Storm mode"). */
export const stormJson = z.strictObject({
  id: uuid,
  serviceId: uuid,
  serviceName: z.string(),
  title: z.string().describe('the storm page\'s title: "Storm on Collector: 6 new incidents in 5 min — KubePodCrashLooping ×4, …"'),
  startedAt: instant,
  endedAt: instant.nullable().describe('null while the storm lasts'),
  active: z.boolean().describe('not ended yet'),
  pageIncident: z
    .strictObject({ id: uuid, number: z.int() })
    .describe('the incident that started the storm: it pages (and escalates) as the storm page'),
  trigger: z
    .strictObject({ incidents: z.int(), windowSeconds: z.int() })
    .describe('what started it: this many new incidents on the service within windowSeconds'),
  totals: z
    .strictObject({
      incidents: z.int().describe('every incident of the storm, the storm page included'),
      held: z.int().describe('incidents held by the storm (not paged on their own)'),
      triggered: z.int(),
      acknowledged: z.int(),
      resolved: z.int(),
    })
    .describe('its incidents, now'),
  lastIncidentAt: instant.describe('when its latest incident opened; it ends after the service\'s storm.quietSeconds without one'),
});
export type StormJson = z.infer<typeof stormJson>;

/** GET /api/v1/storms/{id} */
export const stormDetailJson = stormJson.extend({
  counts: z.array(alertnameCountJson).describe('its incidents by alertname, most frequent first'),
  incidents: z
    .array(incidentJson)
    .describe('its incidents, newest first, at most 500 (all of them: GET /api/v1/incidents?stormId=)'),
});
export type StormDetailJson = z.infer<typeof stormDetailJson>;

/** POST /api/v1/storms/{id}/acknowledge and /resolve */
export const stormActionJson = z.strictObject({
  action: z.enum(['acknowledge', 'resolve']),
  changed: z.int().describe('how many incidents this acknowledged (resolved); the others already were'),
  incidents: z.array(z.strictObject({ id: uuid, number: z.int() })).describe('the incidents it changed, oldest first'),
  storm: stormJson.describe('the storm as it now is'),
});
export type StormActionJson = z.infer<typeof stormActionJson>;
