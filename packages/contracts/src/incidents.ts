import { z } from 'zod';
import { insightLevel } from './insights';
import { instant, listQuery, rfc3339, stringMap, uuid } from './primitives';

export const incidentStatus = z.enum(['triggered', 'acknowledged', 'resolved']);
export type IncidentStatus = z.infer<typeof incidentStatus>;

/** `?status=triggered,acknowledged` (or the parameter repeated); one problem, reported at `status`. */
const statusList = z.preprocess(
  (value) => (Array.isArray(value) ? value.join(',') : value),
  z.string().transform((text, ctx) => {
    const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
    const unknown = parts.filter((part) => !incidentStatus.safeParse(part).success);
    if (parts.length > 0 && unknown.length === 0) return parts as IncidentStatus[];
    ctx.issues.push({
      code: 'custom',
      input: text,
      message: `must be triggered, acknowledged or resolved, comma-separated${unknown.length ? ` (not ${unknown.map((u) => `"${u}"`).join(', ')})` : ''}`,
    });
    return z.NEVER;
  }),
);

/** GET /api/v1/incidents */
export const incidentListQuery = listQuery.extend({
  status: statusList.optional(),
  serviceId: uuid.optional(),
  /** incidents created at or after this instant */
  since: rfc3339.optional(),
  /** the incidents of one storm */
  stormId: uuid.optional(),
  /** true: only incidents an alert rule suppressed (near misses); false: only the others */
  suppressed: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true').optional().describe('true: only incidents an alert rule suppressed (near misses, docs/alert-rules.md); false: the others'),
  /** the synthetic probe's incidents (docs/monitoring.md "Synthetic probe"): left out by default */
  probe: z.enum(['exclude', 'include', 'only'], { error: 'must be exclude, include or only' }).optional(),
  /** i23: the incidents behind one level of the insights pyramid over [from, to) (docs/insights.md) */
  insight: insightLevel.optional().describe('the incidents behind one level of the insights pyramid (docs/insights.md), opened in [from, to): the same classification as GET /api/v1/insights'),
  from: rfc3339.optional().describe('with `insight`: start of the period (default: 28 days before `to`)'),
  to: rfc3339.optional().describe('with `insight`: end of the period, exclusive (default: now)'),
  /** l22: search, sort and the "mine" filters of the incident list (docs/web-ui.md "Incident list") */
  q: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('search: words match the title, a group label value or #number (all words must match); key=value matches a label of the incident or of one of its alerts exactly'),
  sort: z.enum(['newest', 'severity'], { error: 'must be newest or severity' }).optional().describe('newest (default): newest first; severity: critical, error, warning, info, none, then newest first'),
  assigned: z.enum(['me'], { error: 'must be me' }).optional().describe('me: the open incidents on the caller right now: triggered ones whose current escalation run paged them, acknowledged ones they acknowledged (a signed-in user only)'),
  teams: z.enum(['mine'], { error: 'must be mine' }).optional().describe("mine: incidents of the services of the caller's teams"),
  teamId: uuid.optional().describe("incidents of this team's services"),
});
export type IncidentListQuery = z.infer<typeof incidentListQuery>;

/** POST /api/v1/incidents/{id}/notes */
export const incidentNoteBody = z.strictObject({
  text: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'must not be empty')
    .max(10_000, 'must be at most 10000 characters'),
});

/** POST /api/v1/incidents/{id}/escalate */
export const escalateIncidentBody = z.strictObject({
  /** the policy's step to move to, 1 = first; default: the step due next */
  toStep: z.number({ error: 'must be a step number' }).int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20').optional(),
});

export const incidentJson = z.strictObject({
  id: uuid,
  number: z.int().describe('the short number, shown as #42'),
  title: z.string(),
  status: incidentStatus,
  serviceId: uuid,
  serviceName: z.string(),
  severity: z.string().nullable(),
  groupLabels: stringMap,
  alertCounts: z
    .strictObject({ firing: z.int(), resolved: z.int(), superseded: z.int(), stale: z.int(), total: z.int() })
    .describe('the incident\'s alerts by status: superseded = a newer occurrence of the fingerprint fired; stale = older than one already known (never fired here)'),
  truncatedAlerts: z.int().describe("alerts Alertmanager left out of its last notification (max_alerts)"),
  firingAlerts: z
    .int()
    .describe('open: how many of its alerts fire (a client can warn before a manual resolve); resolved by a person: how many still fired then; resolved by its alerts: 0'),
  storm: z
    .strictObject({
      id: uuid,
      role: z.enum(['page', 'held']).describe('page: it started the storm and pages as the storm page (acknowledging it can acknowledge the whole storm: POST /api/v1/storms/{id}/acknowledge); held: opened during the storm, not paged on its own'),
    })
    .nullable()
    .describe('the storm this incident was opened during (docs/noise.md "Storm mode"), else null'),
  flapping: z
    .boolean()
    .describe('its alert group is flapping (docs/noise.md "Flapping"): it stays open across resolves, re-fires page no one, and it resolves once nothing has fired for the flap window'),
  maintenance: z
    .strictObject({ windowId: uuid.nullable(), reason: z.string(), until: instant, releasedAt: instant.nullable() })
    .nullable()
    .describe('the maintenance window this incident was opened under (windowId null once the window is deleted): it paged no one until `until`, when it paged if still firing (`releasedAt`: when that was decided); else null'),
  suppressedBy: z
    .strictObject({ ruleId: z.string(), name: z.string(), serviceName: z.string() })
    .nullable()
    .describe('the alert rule that suppressed this incident (docs/alert-rules.md): stored, paged no one, posted nothing to Slack (a near miss); else null'),
  createdAt: instant,
  acknowledgedAt: instant.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: instant.nullable(),
  resolvedBy: z.string().nullable(),
  urgency: z.enum(['high', 'low']).describe("high or low: its escalation's urgency (alert rules may lower it), else its service's"),
  onIt: z
    .array(z.strictObject({ userId: uuid, name: z.string(), role: z.enum(['paged', 'acknowledged']) }))
    .describe('who it is on right now: triggered, the people its current escalation run paged; acknowledged, whoever acknowledged it (if a person); resolved, nobody'),
});
export type IncidentJson = z.infer<typeof incidentJson>;

export const alertJson = z.strictObject({
  id: uuid,
  fingerprint: z.string(),
  status: z.enum(['firing', 'resolved', 'superseded', 'stale']).describe('only firing alerts fire: superseded = replaced by a newer occurrence of the fingerprint, stale = older than one already known'),
  labels: stringMap,
  annotations: stringMap,
  startsAt: instant,
  endsAt: instant.nullable(),
  generatorUrl: z.string().nullable(),
  firstSeenAt: instant,
  lastSeenAt: instant,
  receiveCount: z.int().describe('how many deliveries carried this alert'),
});
export type AlertJson = z.infer<typeof alertJson>;

export const timelineEventJson = z.strictObject({
  id: z.string(),
  type: z.string().describe('opened | alerts_added | alerts_resolved | acknowledged | resolved | note | ... (docs/api.md)'),
  message: z.string(),
  actor: z.string().nullable(),
  via: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: instant,
});
export type TimelineEventJson = z.infer<typeof timelineEventJson>;

export const incidentDetailJson = incidentJson.extend({
  alerts: z.array(alertJson),
  timeline: z.array(timelineEventJson).describe('oldest first'),
  silence: z
    .strictObject({ alertmanagerSilenceId: z.string(), endsAt: instant, createdBy: z.string() })
    .nullable()
    .describe("the Alertmanager silence in force (POST /incidents/{id}/silence, Slack's Silence button); null when none"),
  canSilence: z.boolean().describe('silences can be made: an Alertmanager integration key of the service has its Alertmanager URL configured'),
});
export type IncidentDetailJson = z.infer<typeof incidentDetailJson>;

/**
 * POST /api/v1/incidents: a manual incident on a service ("something is wrong,
 * page the on-call"). `assignTo` pages these people (or whoever a schedule has on
 * call) instead of running the service's escalation policy: "page Alice now".
 */
export const createIncidentBody = z.strictObject({
  serviceId: z.uuid({ error: 'must be a service id (UUID)' }),
  title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  details: z.string().max(10_000, 'must be at most 10000 characters').optional(),
  severity: z
    .enum(['critical', 'error', 'warning', 'info'], { error: 'must be "critical", "error", "warning" or "info"' })
    .default('critical'),
  assignTo: z
    .array(
      z.strictObject({
        type: z.enum(['user', 'schedule'], { error: 'must be "user" or "schedule"' }),
        id: z.uuid({ error: 'must be a UUID' }),
      }),
    )
    .min(1, 'must name at least one user or schedule')
    .max(10, 'must name at most 10 users or schedules')
    .optional(),
});

/** GET /api/v1/incidents/{id}/explain: `?userId=` asks about one person (who may not have been paged) */
export const explainIncidentQuery = z.object({ userId: uuid.optional() });

// ht: explain as typed data (issue 22): each reason's params, instants as data, for readers that write their own sentence in their own zone
const scheduleWinner = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('override'), user: z.string(), start: instant, end: instant }),
  z.strictObject({ kind: z.literal('layer'), user: z.string(), layerName: z.string(), shiftNumber: z.int(), shiftStart: instant, shiftEnd: instant }),
]);
/** A reason's typed data (core's ExplainReasonParams); `kind: event`: the reason is that timeline entry, read as the timeline reads it. */
export const explainReasonParams = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('event'), type: z.string(), at: instant, data: z.record(z.string(), z.unknown()) }),
    z.strictObject({ kind: z.literal('reached'), channels: z.array(z.string()) }),
    z.strictObject({ kind: z.literal('not_used'), reasons: z.array(z.string()) }),
    z.strictObject({
      kind: z.literal('rule_send'),
      channel: z.string(),
      delayMinutes: z.int(),
      dueAt: instant,
      stoppedAt: instant.nullable(),
      stopDetail: z.string().nullable(),
      nextDueAt: instant.nullable(),
    }),
    z.strictObject({
      kind: z.literal('schedule_miss'),
      schedule: z.string(),
      at: instant,
      person: z.string(),
      layerName: z.string().nullable(),
      shiftStart: instant.nullable(),
      shiftEnd: instant.nullable(),
      higherLayerName: z.string().nullable(),
      higherUser: z.string().nullable(),
      winner: scheduleWinner.nullable(),
    }),
    z.strictObject({
      kind: z.literal('step'),
      step: z.int().describe('0-based'),
      how: z.array(z.string()),
      dueAt: instant.nullable(),
      stoppedAt: instant.nullable(),
      stopDetail: z.string().nullable(),
      ending: z.string().nullable(),
    }),
    z.strictObject({ kind: z.literal('stopped'), stoppedAt: instant, stopDetail: z.string() }),
    z.strictObject({
      kind: z.literal('flap'),
      event: z.enum(['started', 'suppressed', 'reopened']),
      at: instant,
      changes: z.int().nullable(),
      windowSeconds: z.int().nullable(),
      threshold: z.int().nullable(),
      flapChanges: z.int().nullable(),
    }),
    z.strictObject({
      kind: z.literal('maintenance'),
      reason: z.string(),
      windowId: z.string().nullable(),
      since: instant,
      until: instant.nullable(),
      endedAt: instant.nullable(),
      release: z.enum(['paged', 'resolved', 'acknowledged', 'not_firing']).nullable(),
      firingAlerts: z.int().nullable(),
      escalationAt: instant.nullable(),
    }),
    z.strictObject({ kind: z.literal('text') }),
  ])
  .describe("the reason as data (every instant it names is here, RFC 3339); `message` is the same in words, in UTC");
export type ExplainReasonParamsJson = z.infer<typeof explainReasonParams>;
// /ht

/** What explain answers per person; `reasons[].code` as PersonExplanation in packages/core/src/delivery/explain-paging.ts */
export const explainIncidentResponse = z.strictObject({
  incidentId: uuid,
  number: z.int(),
  status: incidentStatus,
  people: z.array(
    z.strictObject({
      userId: uuid,
      name: z.string(),
      paged: z.boolean().describe('a step (or the lead fallback) paged them'),
      reached: z.boolean().describe('a message went out to them (sent)'),
      summary: z.string().describe('one paragraph: the reasons, in words'),
      reasons: z
        .array(z.strictObject({ code: z.string(), message: z.string(), params: explainReasonParams }))
        .describe("the summary's parts, each with a code, in the summary's order"),
      facts: z
        .array(z.strictObject({ at: z.string(), type: z.string(), message: z.string(), data: z.record(z.string(), z.unknown()).describe("the entry's data (the event catalog)") }))
        .describe('the timeline entries about them, oldest first'),
    }),
  ),
  alertRules: z
    .array(z.string())
    .describe('what alert rules did to its alerts (docs/alert-rules.md), one line per change, e.g. urgency lowered to low by rule "batch jobs are low" on Collector'),
});
export type ExplainIncidentResponse = z.infer<typeof explainIncidentResponse>;

/** POST /api/v1/incidents/bulk-status: acknowledge or resolve several incidents at once (the list's "Acknowledge selected") */
export const bulkIncidentStatusBody = z.strictObject({
  ids: z
    .array(z.uuid({ error: 'must be an incident id (UUID)' }), { error: 'must be a list of incident ids' })
    .min(1, 'must name at least one incident')
    .max(100, 'must name at most 100 incidents')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name an incident twice'),
  status: z.enum(['acknowledged', 'resolved'], { error: 'must be "acknowledged" or "resolved"' }),
});
export type BulkIncidentStatusBody = z.infer<typeof bulkIncidentStatusBody>;

export const bulkIncidentResult = z.strictObject({
  id: uuid,
  number: z.int().nullable().describe('null when no such incident'),
  outcome: z
    .enum(['changed', 'unchanged', 'forbidden', 'not_found', 'conflict'])
    .describe('changed; unchanged (it already was); forbidden (the caller may not act on it); not_found; conflict (acknowledging a resolved incident)'),
  message: z.string().nullable().describe('why, when not changed'),
  status: incidentStatus.nullable().describe('its status now (null when not found or forbidden)'),
});

export const bulkIncidentStatusJson = z.strictObject({
  status: z.enum(['acknowledged', 'resolved']),
  changed: z.int().describe('how many incidents this changed'),
  results: z.array(bulkIncidentResult).describe("one per id, in the request's order"),
});
export type BulkIncidentStatusJson = z.infer<typeof bulkIncidentStatusJson>;
