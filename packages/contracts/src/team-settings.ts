import { z } from 'zod';
import { instant } from './primitives';
import { timeZone } from './users';

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], { error: 'must be a weekday: monday … sunday' });

/** The weekly digest of a team (docs/insights.md "Weekly digest"). */
export const teamDigestSettings = z.strictObject({
  slackChannel: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,20}$/, 'must be a Slack channel id such as C0123ABC')
    .nullable()
    .describe('the channel the digest is posted in; null: no digest'),
  enabled: z.boolean().describe('false: off (the channel is kept)'),
  weekday: weekday.describe("in the team's zone"),
  hour: z.int({ error: 'must be a whole hour 0-23' }).min(0, 'must be 0-23').max(23, 'must be 0-23'),
});

/** PUT /api/v1/teams/{id}/settings: the whole settings (GET answers the defaults when never set). */
export const teamSettingsBody = z.strictObject({
  timeZone: timeZone.describe('IANA zone of the team: the digest is posted on its wall clock'),
  digest: teamDigestSettings,
});
export type TeamSettingsBody = z.infer<typeof teamSettingsBody>;

export const teamSettingsJson = teamSettingsBody.extend({ updatedAt: instant.nullable().describe('null: never set (the defaults)') });
export type TeamSettingsJson = z.infer<typeof teamSettingsJson>;
