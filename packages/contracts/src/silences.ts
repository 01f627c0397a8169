import { z } from 'zod';
import { incidentDetailJson } from './incidents';
import { instant, uuid } from './primitives';

/** POST /api/v1/incidents/{id}/silence */
export const silenceIncidentBody = z.strictObject({
  /** how long the Alertmanager silence lasts; default 60 */
  durationMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1')
    .max(10_080, 'must be at most 10080 (a week)')
    .optional(),
});

export const silenceJson = z.strictObject({
  id: uuid,
  alertmanagerSilenceId: z.string(),
  alertmanagerUrl: z.string(),
  matchers: z.array(z.strictObject({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() })),
  startsAt: instant,
  endsAt: instant,
  createdBy: z.string(),
});
export type SilenceJson = z.infer<typeof silenceJson>;

/** The answer to POST /api/v1/incidents/{id}/silence */
export const silenceIncidentResponse = z.strictObject({ silence: silenceJson, incident: incidentDetailJson });
export type SilenceIncidentResponse = z.infer<typeof silenceIncidentResponse>;

/** The answer to DELETE /api/v1/incidents/{id}/silence: `expired: false` when there was none. */
export const unsilenceIncidentResponse = z.strictObject({ expired: z.boolean(), incident: incidentDetailJson });
export type UnsilenceIncidentResponse = z.infer<typeof unsilenceIncidentResponse>;
