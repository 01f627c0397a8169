import { z } from 'zod';
import { inputWarningsJson } from './input-warnings';
import { instant, uuid } from './primitives';

export const integrationType = z.enum(['alertmanager', 'events'], { error: 'must be "alertmanager" or "events"' });

/** How Heinrich authenticates to the sender's Alertmanager (to create silences). */
const alertmanagerAuth = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('bearer'), token: z.string({ error: 'is required' }).min(1).max(4096) }),
    z.strictObject({
      type: z.literal('basic'),
      username: z.string({ error: 'is required' }).min(1).max(1024),
      password: z.string({ error: 'is required' }).min(1).max(4096),
    }),
  ],
  { error: 'must be {"type":"bearer","token"} or {"type":"basic","username","password"}' },
);

const routeSeconds = (what: string) =>
  z
    .number({ error: `must be the Watchdog route's ${what} in whole seconds` })
    .int(`must be the Watchdog route's ${what} in whole seconds`)
    .min(1, 'must be at least 1 (seconds)')
    .max(30 * 86_400, 'must be at most 2592000 (30 days)');

/**
 * The heartbeat an Alertmanager key's Watchdog pings (docs/heartbeats.md): its
 * alerts named `alertname` count as pings (firing) or a miss (resolved) and
 * never open incidents. The route's timers, as configured in Alertmanager,
 * are only used to warn when the heartbeat's interval is too short for them.
 */
const watchdogBody = z.strictObject({
  id: uuid,
  alertname: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  repeatIntervalSeconds: routeSeconds('repeat_interval').optional(),
  groupIntervalSeconds: routeSeconds('group_interval').optional(),
});

/** POST /api/v1/services/{id}/integration-keys */
export const createIntegrationKeyBody = z
  .strictObject({
    type: integrationType,
    /** defaults to the type */
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    alertmanager: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://alertmanager:9093' }).max(2048),
        auth: alertmanagerAuth.optional(),
      })
      .optional(),
    heartbeat: watchdogBody.optional(),
  })
  .refine((body) => body.alertmanager === undefined || body.type === 'alertmanager', {
    path: ['alertmanager'],
    message: 'is only for keys of type "alertmanager"',
  })
  .refine((body) => body.heartbeat === undefined || body.type === 'alertmanager', {
    path: ['heartbeat'],
    message: 'is only for keys of type "alertmanager"',
  });
export type CreateIntegrationKeyBody = z.infer<typeof createIntegrationKeyBody>;

/** PATCH /api/v1/services/{id}/integration-keys/{keyId}: `heartbeat` links the key's Watchdog to a heartbeat, null unlinks it */
export const updateIntegrationKeyBody = z.strictObject({
  heartbeat: watchdogBody.nullable(),
});
export type UpdateIntegrationKeyBody = z.infer<typeof updateIntegrationKeyBody>;

/** A key as lists show it: never the secret, its hash, or the Alertmanager credentials. */
export const integrationKeyJson = z.strictObject({
  id: uuid,
  serviceId: uuid,
  type: integrationType,
  name: z.string(),
  secretPrefix: z.string().describe('the first 8 characters of the secret, to tell keys apart'),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
  alertmanager: z.strictObject({ url: z.string() }).nullable(),
  heartbeat: z
    .strictObject({
      id: uuid,
      alertname: z.string(),
      repeatIntervalSeconds: z.int(),
      groupIntervalSeconds: z.int(),
    })
    .nullable()
    .describe("the heartbeat this key's Watchdog pings (alertmanager keys), or null"),
});
export type IntegrationKeyJson = z.infer<typeof integrationKeyJson>;

/** The answer to creating a key: the only time the secret is shown. */
export const createdIntegrationKeyJson = integrationKeyJson.extend({
  key: z.string().describe('the secret: shown this once'),
  url: z.string().describe('where the sender posts'),
  example: z.string().describe('ready to paste: an Alertmanager receiver (alertmanager keys) or an Events API v2 example (events keys)'),
  warnings: inputWarningsJson.describe("e.g. a heartbeat interval too short for the Watchdog route's repeat_interval + group_interval; empty when none"),
});
export type CreatedIntegrationKeyJson = z.infer<typeof createdIntegrationKeyJson>;

/** The answer to PATCH: the key, and e.g. a heartbeat interval too short for its Watchdog route. */
export const updatedIntegrationKeyJson = integrationKeyJson.extend({
  warnings: inputWarningsJson.describe("e.g. a heartbeat interval too short for the Watchdog route's repeat_interval + group_interval; empty when none"),
});
export type UpdatedIntegrationKeyJson = z.infer<typeof updatedIntegrationKeyJson>;
