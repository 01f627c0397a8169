import { z } from 'zod';
import { labelSet, rfc3339 } from './primitives';

/**
 * Alertmanager webhook payload, version 4 (notify/webhook in Alertmanager; real
 * captures in shared fixtures). Objects are loose: newer Alertmanagers add fields
 * (`notification_reason` 0.32+, `routeLabels` 0.34+) and we must not reject them.
 */
export const alertmanagerAlert = z.looseObject({
  status: z.enum(['firing', 'resolved'], { error: 'must be "firing" or "resolved"' }),
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: rfc3339,
  /** "0001-01-01T00:00:00Z" while firing: Alertmanager hides the internal expiry */
  endsAt: rfc3339.optional(),
  generatorURL: z.string().max(8192).optional(),
  /** 16 hex chars from Alertmanager: a hash of the label set */
  fingerprint: z
    .string({ error: 'is required' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'),
});
export type AlertmanagerAlert = z.infer<typeof alertmanagerAlert>;

export const alertmanagerWebhook = z.looseObject({
  version: z.literal('4', { error: 'must be "4" (Alertmanager webhook payload version 4)' }),
  groupKey: z.string({ error: 'is required' }).min(1, 'must not be empty').max(16_384),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved'], { error: 'must be "firing" or "resolved"' }),
  receiver: z.string().max(1024).default(''),
  groupLabels: labelSet.default({}),
  commonLabels: labelSet.default({}),
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().max(8192).default(''),
  alerts: z.array(alertmanagerAlert, { error: 'must be an array of alerts' }).max(50_000),
});
export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhook>;

/** What one delivery did, as answered to its sender (200, only after the transaction committed). */
export const ingestSummaryJson = z.strictObject({
  alertsReceived: z.int(),
  alertsNew: z.int().describe('first time seen'),
  alertsDeduplicated: z.int().describe('re-sends of occurrences already held (Alertmanager repeats, HA duplicates)'),
  alertsResolved: z.int(),
  alertsIgnored: z.int().describe('resolved alerts never seen firing: nothing to do'),
  incidentsOpened: z.int(),
  incidentsResolved: z.int(),
  incidents: z.array(z.strictObject({ id: z.string(), number: z.int() })),
  deferred: z.int().describe("this delivery's outbox rows that could not be enqueued now; the relay will"),
});
export type IngestSummaryJson = z.infer<typeof ingestSummaryJson>;
