import { z } from 'zod';
import { instant, rfc3339, uuid } from './primitives';

/**
 * Insights (docs/insights.md, issue 23): Heinrich's pyramid and the reports of
 * one period, computed live from incidents, alerts, pages and timeline events.
 *
 * GET /api/v1/insights?teamId=&serviceId=&from=&to=
 * GET /api/v1/insights/{table}.csv?teamId=&serviceId=&from=&to=
 *
 * Changes to this file are additive only (the Insights UI consumes it).
 */

/** the longest period one report covers */
export const INSIGHTS_MAX_DAYS = 366;
/** the default period: the last 28 days */
export const INSIGHTS_DEFAULT_DAYS = 28;

/** The query of GET /api/v1/insights and of its CSV exports. */
export const insightsQuery = z.object({
  teamId: uuid.optional().describe("one team's services (default: everything the caller may see)"),
  serviceId: uuid.optional().describe('one service'),
  from: rfc3339.optional().describe(`start of the period, inclusive (default: ${INSIGHTS_DEFAULT_DAYS} days before \`to\`)`),
  to: rfc3339.optional().describe('end of the period, exclusive (default: now)'),
});
export type InsightsQuery = z.infer<typeof insightsQuery>;

/** the CSV export of one table: GET /api/v1/insights/{table}.csv */
export const insightsTable = z.enum(['pyramid', 'response', 'people', 'noise', 'recurring'], {
  error: 'must be pyramid, response, people, noise or recurring',
});
export type InsightsTable = z.infer<typeof insightsTable>;

/** the three levels of the pyramid: the incident-list filter `GET /api/v1/incidents?insight=&from=&to=` */
export const insightLevel = z.enum(['major', 'minor', 'nearMiss'], { error: 'must be major, minor or nearMiss' });
export type InsightLevel = z.infer<typeof insightLevel>;

const count = z.int().min(0);

export const pyramidCountsJson = z.strictObject({
  major: count.describe('high-urgency incidents that paged someone and were open 30 min or more, or escalated past their first step'),
  minor: count.describe('other incidents that paged someone'),
  nearMiss: count.describe('incidents that paged no one, plus each re-fire folded into a flap'),
  deduplicated: count.describe('alert re-sends deduplicated away (shown apart, not a level of the pyramid)'),
});
export type PyramidCountsJson = z.infer<typeof pyramidCountsJson>;

/** why near misses paged no one; each near miss counts under exactly one reason (the first that applies, in this order) */
export const nearMissReasonsJson = z.strictObject({
  maintenance: count.describe('held by a maintenance window (and never paged)'),
  suppressed: count.describe('suppressed by an alert rule'),
  storm: count.describe("held by a storm (the storm's own paging incident is classified normally)"),
  silenced: count.describe('silenced (an Alertmanager silence from Heinrich) before anyone was paged'),
  resolvedBeforePage: count.describe('resolved before its first page'),
  lowUrgency: count.describe('low urgency, never paged'),
  other: count.describe('paged no one for another reason (e.g. a policy that names nobody)'),
  flapRefires: count.describe('re-fires of a flapping alert group folded into its incident (not incidents of their own)'),
});
export type NearMissReasonsJson = z.infer<typeof nearMissReasonsJson>;

const changeJson = z.strictObject({
  delta: z.int().describe('this period minus the previous one'),
  percent: z.number().nullable().describe('the change in percent of the previous period, rounded to one decimal; null when the previous period had 0'),
});

export const pyramidJson = z.strictObject({
  major: count,
  minor: count,
  nearMiss: count,
  deduplicated: count,
  previous: pyramidCountsJson.describe('the same counts over the previous period of equal length (`previousPeriod`)'),
  trend: z
    .strictObject({ major: changeJson, minor: changeJson, nearMiss: changeJson, deduplicated: changeJson })
    .describe('each count against the previous period'),
  ratio: z
    .strictObject({
      text: z.string().describe('major : minor : near miss, e.g. "1 : 29 : 300", reduced to 1 major when there is one, else the plain counts'),
      minorPerMajor: z.number().nullable().describe('null when there is no major'),
      nearMissPerMajor: z.number().nullable().describe('null when there is no major'),
    })
    .describe('the ratio major : minor : near miss'),
  previousRatio: z.strictObject({ text: z.string(), minorPerMajor: z.number().nullable(), nearMissPerMajor: z.number().nullable() }),
  nearMissReasons: nearMissReasonsJson,
});
export type PyramidJson = z.infer<typeof pyramidJson>;

const durationStats = z.strictObject({
  medianSeconds: z.number().nullable().describe('null when there is nothing to measure'),
  p90Seconds: z.number().nullable(),
});

export const responseJson = z.strictObject({
  incidents: count.describe('incidents that paged someone (major + minor): the ones response is measured on'),
  acknowledged: count.describe('of them, acknowledged by a person'),
  resolved: count.describe('of them, resolved (by a person or their alerts) by the end of the period'),
  mtta: durationStats.describe('opened → first acknowledgement by a person'),
  mttr: durationStats.describe('opened → resolved'),
  acknowledgedWithin5Min: z.strictObject({
    count,
    share: z.number().nullable().describe('count / incidents, 0–1; null when there are none'),
  }),
  escalatedPastFirstStep: count.describe('incidents whose escalation reached a step after the first (or a repeat pass)'),
  exhaustedPolicy: count.describe('incidents whose escalation ran its last step of its last pass unacknowledged'),
});
export type ResponseJson = z.infer<typeof responseJson>;

export const interruptionBucketsJson = z.strictObject({
  business: count.describe('09:00–18:00 Monday–Friday in the person\'s time zone'),
  offHours: count.describe('the rest that is not sleep'),
  sleep: count.describe('22:00–07:00 any day in the person\'s time zone'),
});

export const personRowJson = z.strictObject({
  userId: uuid,
  name: z.string(),
  timeZone: z.string().describe('the IANA zone the hours were counted in (users.time_zone)'),
  pages: count.describe('pages of this person (one per incident, escalation step and pass)'),
  interruptions: count.describe('a person notified about an incident, counted once per incident per 30 minutes whatever the number of methods'),
  ...interruptionBucketsJson.shape,
});
export type PersonRowJson = z.infer<typeof personRowJson>;

export const peopleJson = z.strictObject({
  rows: z.array(personRowJson).describe('everyone paged in the period, most interrupted first (then most pages, then name)'),
  top: z.array(uuid).describe('the top interrupted people (at most 5): userIds, most interrupted first'),
  totals: z.strictObject({ pages: count, interruptions: count, ...interruptionBucketsJson.shape }),
});
export type PeopleJson = z.infer<typeof peopleJson>;

export const noiseRowJson = z.strictObject({
  serviceId: uuid,
  serviceName: z.string(),
  key: z.string().describe("the alertname (Alertmanager) or the event's summary (events API), else the incident's title"),
  incidents: count,
  pages: count,
  resolvedWithoutAckShare: z.number().nullable().describe('share of its resolved incidents that no one acknowledged, 0–1; null when none resolved'),
  medianDurationSeconds: z.number().nullable().describe('median open time of its resolved incidents'),
  flapping: count.describe('re-fires folded into a flap'),
  hint: z.string().nullable().describe('one line where the data supports one, e.g. "resolves by itself within 3 min in 92 % of cases: consider `for: 5m` or low urgency"'),
});
export type NoiseRowJson = z.infer<typeof noiseRowJson>;

export const recurringRowJson = z.strictObject({
  serviceId: uuid,
  serviceName: z.string(),
  groupKey: z.string(),
  title: z.string().describe("the latest incident's title"),
  reopenings: count.describe('how often the group opened again in the period after an earlier incident of it (new incidents and flap re-opens)'),
  openings: z
    .array(z.strictObject({ at: instant, incidentId: uuid, number: z.int(), kind: z.enum(['opened', 'reopened']) }))
    .describe('each opening in the period, oldest first'),
});
export type RecurringRowJson = z.infer<typeof recurringRowJson>;

export const insightsJson = z.strictObject({
  pyramid: pyramidJson,
  response: responseJson,
  people: peopleJson,
  noise: z.array(noiseRowJson).describe('the noisiest alerts, most incidents first (then pages), at most 20'),
  recurring: z.array(recurringRowJson).describe('alert groups that re-opened 3 or more times in the period, most first'),
  period: z.strictObject({ from: instant, to: instant }),
  previousPeriod: z.strictObject({ from: instant, to: instant }),
  scope: z.strictObject({
    teamId: uuid.nullable(),
    serviceId: uuid.nullable(),
    services: count.describe('how many services the report covers'),
  }),
  generatedAt: instant,
});
export type InsightsJson = z.infer<typeof insightsJson>;
