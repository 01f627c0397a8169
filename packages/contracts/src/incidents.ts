import { z } from 'zod';
import { listQuery, rfc3339, uuid } from './primitives';

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

export interface IncidentJson {
  id: string;
  /** the short number, shown as #42 */
  number: number;
  title: string;
  status: IncidentStatus;
  serviceId: string;
  serviceName: string;
  severity: string | null;
  groupLabels: Record<string, string>;
  alertCounts: { firing: number; resolved: number; total: number };
  /** alerts Alertmanager left out of its last notification (max_alerts) */
  truncatedAlerts: number;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface AlertJson {
  id: string;
  fingerprint: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  generatorUrl: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** how many deliveries carried this alert */
  receiveCount: number;
}

export interface TimelineEventJson {
  id: string;
  /** opened | alerts_added | alerts_resolved | acknowledged | resolved | note | ... */
  type: string;
  message: string;
  actor: string | null;
  via: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface IncidentDetailJson extends IncidentJson {
  alerts: AlertJson[];
  /** oldest first */
  timeline: TimelineEventJson[];
  /** the Alertmanager silence in force (POST /incidents/{id}/silence, Slack's Silence button); null when none */
  silence: { alertmanagerSilenceId: string; endsAt: string; createdBy: string } | null;
  /** silences can be made: an Alertmanager integration key of the service has its Alertmanager URL configured */
  canSilence: boolean;
}

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

/** What explain answers per person; `reasons[].code` as PersonExplanation in packages/core/src/delivery/explain-paging.ts */
export const explainIncidentResponse = z.object({
  incidentId: uuid,
  number: z.number().int(),
  status: incidentStatus,
  people: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      paged: z.boolean(),
      reached: z.boolean(),
      summary: z.string(),
      reasons: z.array(z.object({ code: z.string(), message: z.string() })),
      facts: z.array(z.object({ at: z.string(), type: z.string(), message: z.string() })),
    }),
  ),
});
export type ExplainIncidentResponse = z.infer<typeof explainIncidentResponse>;
