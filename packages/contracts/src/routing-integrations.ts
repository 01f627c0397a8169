import { z } from 'zod';
import { alertRuleJson, putAlertRulesBody } from './alert-rules';
import { alertmanagerWebhook } from './alertmanager-webhook';
import { instant, text, uuid } from './primitives';

/** One route: Alertmanager matchers, ANDed (empty: every alert), and exactly one target. */
export const routeBody = z.strictObject({
  matchers: z.array(text(1000), { error: 'must be a list of matcher strings' }).max(50, 'must have at most 50 matchers'),
  serviceId: uuid.optional().describe('send what matches to this service'),
  serviceFromLabel: text(200)
    .optional()
    .describe('dynamic routing: send what matches to the service whose routingName equals this label\'s value (e.g. "team")'),
});

/** POST /api/v1/routing-integrations, and PUT …/{id} (replaces everything, the route list included). */
export const routingIntegrationBody = z.strictObject({
  name: text(200).trim().min(1, 'must not be empty'),
  teamId: uuid.nullable().default(null).describe("the owning team (its leads manage it); null: the installation's (admins)"),
  routes: z.array(routeBody, { error: 'must be a list of routes' }).max(500, 'must have at most 500 routes').describe('in order: the first route whose matchers all match takes the alert'),
  catchAllServiceId: uuid
    .nullable()
    .describe('where what no route takes goes (also an unknown or missing routingName); null: dropped and recorded in the unrouted list'),
});
export type RoutingIntegrationBody = z.infer<typeof routingIntegrationBody>;

export const routingIntegrationJson = z.strictObject({
  id: uuid,
  name: z.string(),
  teamId: uuid.nullable(),
  routes: z.array(z.strictObject({ matchers: z.array(z.string()), serviceId: uuid.optional(), serviceFromLabel: z.string().optional() })),
  catchAllServiceId: uuid.nullable(),
  secretPrefix: z.string().describe('first characters of the key, to tell keys apart'),
  createdAt: instant,
  updatedAt: instant,
  lastUsedAt: instant.nullable(),
});
export type RoutingIntegrationJson = z.infer<typeof routingIntegrationJson>;

/** 201 of the create: the only time the key is shown. */
export const createdRoutingIntegrationJson = routingIntegrationJson.extend({
  key: z.string().describe('the key, for the Alertmanager receiver (Bearer) or the events API routing_key; shown once'),
});

export const unroutedAlertJson = z.strictObject({
  id: uuid,
  receivedAt: instant,
  outcome: z.enum(['dropped', 'catch_all']),
  reason: z.string(),
  serviceId: uuid.nullable().describe('the catch-all service it went to; null when dropped'),
  fingerprint: z.string(),
  status: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
});

export const unroutedListQuery = z.strictObject({
  limit: z.coerce.number({ error: 'must be a number' }).int('must be whole').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
});

/** POST /api/v1/routing-integrations/preview: draft routes against a payload or what came in lately. */
export const routingPreviewBody = z.strictObject({
  routes: routingIntegrationBody.shape.routes,
  catchAllServiceId: routingIntegrationBody.shape.catchAllServiceId,
  payload: alertmanagerWebhook.optional().describe('an Alertmanager notification; without it, the last 100 alerts received'),
  alertRules: putAlertRulesBody.shape.rules
    .optional()
    .describe("the integration's own alert rules as edited, run before the routes (docs/alert-rules.md); 400s name alertRules.N…"),
  name: text(200).optional().describe('the integration\'s name, for the lines its rules give ("by rule … on routing integration NAME")'),
});

/** GET/PUT /api/v1/routing-integrations/{id}/alert-rules */
export const routingAlertRulesJson = z.strictObject({
  routingIntegrationId: uuid,
  rules: z.array(alertRuleJson).describe('in evaluation order; they run on each alert before the routes'),
});
export type RoutingAlertRulesJson = z.infer<typeof routingAlertRulesJson>;

export const routingPreviewJson = z.strictObject({
  items: z.array(
    z.strictObject({
      fingerprint: z.string(),
      labels: z.record(z.string(), z.string()),
      outcome: z.enum(['routed', 'catch_all', 'dropped']),
      routeIndex: z.int().nullable().describe('the route (0-based) that took it; null: the catch-all or dropped'),
      serviceId: uuid.nullable(),
      reason: z.string().nullable(),
      alertRules: z.array(z.string()).describe("what the integration's own alert rules, then the target service's, would do to it, one line per change (docs/alert-rules.md)"),
      suppressed: z.boolean().describe("a rule (the integration's or the target service's) suppresses it: stored, pages no one"),
      urgency: z.enum(['high', 'low']).nullable().describe("the urgency a rule sets; null: the service's setting decides"),
      wouldPage: z.array(z.strictObject({ userId: z.string(), name: z.string() })).describe("whom the service's escalation policy's first step would page now (the simulator); none when suppressed"),
    }),
  ),
});
export type RoutingPreviewJson = z.infer<typeof routingPreviewJson>;
