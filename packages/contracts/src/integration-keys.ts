import { z } from 'zod';
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
  })
  .refine((body) => body.alertmanager === undefined || body.type === 'alertmanager', {
    path: ['alertmanager'],
    message: 'is only for keys of type "alertmanager"',
  });
export type CreateIntegrationKeyBody = z.infer<typeof createIntegrationKeyBody>;

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
});
export type IntegrationKeyJson = z.infer<typeof integrationKeyJson>;

/** The answer to creating a key: the only time the secret is shown. */
export const createdIntegrationKeyJson = integrationKeyJson.extend({
  key: z.string().describe('the secret: shown this once'),
  url: z.string().describe('where the sender posts'),
  example: z.string().describe('ready to paste: an Alertmanager receiver (alertmanager keys) or an Events API v2 example (events keys)'),
});
export type CreatedIntegrationKeyJson = z.infer<typeof createdIntegrationKeyJson>;
