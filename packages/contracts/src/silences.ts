import { z } from 'zod';

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

export interface SilenceJson {
  id: string;
  alertmanagerSilenceId: string;
  alertmanagerUrl: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
}
