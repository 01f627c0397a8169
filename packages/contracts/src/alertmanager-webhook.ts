import { z } from 'zod';
import { inputWarningsJson } from './input-warnings';
import { labelSet, rfc3339, text } from './primitives';

/** truncatedAlerts is stored as a Postgres integer. */
const MAX_INT4 = 2_147_483_647;

/**
 * Alertmanager webhook payload, version 4 (notify/webhook in Alertmanager; real
 * captures in shared fixtures). Fields newer Alertmanagers add
 * (`notification_reason` 0.32+, `routeLabels` 0.34+) are accepted and dropped.
 *
 * A 400 is only for what no Alertmanager sends (wrong types, impossible dates,
 * out-of-range numbers, lone surrogates): Alertmanager drops a notification
 * after a 4xx, good alerts and all. What it can send — NUL anywhere, strings of
 * any length — is repaired after validation (core/repair-text), with warnings.
 */
export const alertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved'], { error: 'must be "firing" or "resolved"' }),
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: rfc3339,
  /** "0001-01-01T00:00:00Z" while firing: Alertmanager hides the internal expiry */
  endsAt: rfc3339.optional(),
  generatorURL: text().optional(),
  /** 16 hex chars from Alertmanager: a hash of the label set */
  fingerprint: z
    .string({ error: 'is required' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'),
});
export type AlertmanagerAlert = z.infer<typeof alertmanagerAlert>;

export const alertmanagerWebhook = z.object({
  version: z.literal('4', { error: 'must be "4" (Alertmanager webhook payload version 4)' }),
  groupKey: text().min(1, 'must not be empty'),
  truncatedAlerts: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(MAX_INT4, `is out of range: at most ${MAX_INT4}`)
    .default(0),
  status: z.enum(['firing', 'resolved'], { error: 'must be "firing" or "resolved"' }),
  receiver: text().default(''),
  groupLabels: labelSet.default({}),
  commonLabels: labelSet.default({}),
  commonAnnotations: labelSet.default({}),
  externalURL: text().default(''),
  // how many is the api's limit (ALERTMANAGER_MAX_ALERTS, a 413), not a shape rule
  alerts: z.array(alertmanagerAlert, { error: 'must be an array of alerts' }),
});
export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhook>;

/** What one delivery did, as answered to its sender (200, only after the transaction committed). */
export const ingestSummaryJson = z.strictObject({
  alertsReceived: z.int(),
  alertsNew: z.int().describe('first time seen'),
  alertsDeduplicated: z.int().describe('re-sends of occurrences already held (Alertmanager repeats, HA duplicates)'),
  alertsResolved: z.int(),
  alertsIgnored: z.int().describe('resolved alerts never seen firing: nothing to do'),
  alertsStale: z.int().describe('older than an occurrence of their fingerprint already known (a replayed notification): stored as stale, nothing else'),
  incidentsOpened: z.int(),
  incidentsResolved: z.int(),
  incidents: z.array(z.strictObject({ id: z.string(), number: z.int() })),
  deferred: z.int().describe("this delivery's outbox rows that could not be enqueued now; the relay will"),
  alertsHeartbeat: z
    .int()
    .describe("alerts taken as the key's heartbeat Watchdog (docs/heartbeats.md): neither new nor deduplicated, never part of an incident; 0 on keys naming no heartbeat"),
  heartbeat: z
    .strictObject({
      id: z.string(),
      signal: z.enum(['ping', 'miss']).describe('ping: the Watchdog fired; miss: it arrived only resolved (its Prometheus stopped sending it)'),
      status: z.string().describe("the heartbeat's stored status afterwards"),
    })
    .nullable()
    .describe('what the Watchdog did to the heartbeat; null when the notification carried none'),
  warnings: inputWarningsJson.describe('what was repaired to store the payload (NUL replaced, values cut at 64 KiB); empty when nothing was'),
  routing: z
    .strictObject({
      services: z.array(z.strictObject({ serviceId: z.string(), alerts: z.int() })).describe('alerts per target service, the catch-all included'),
      catchAll: z.int().describe('alerts sent to the catch-all service (no route matched, or an unknown routingName)'),
      dropped: z.int().describe('alerts dropped and recorded (no route matched, no catch-all service)'),
    })
    .optional()
    .describe("only with a routing integration's key (docs/routing.md): how the notification was split"),
});
export type IngestSummaryJson = z.infer<typeof ingestSummaryJson>;
