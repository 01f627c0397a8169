import { z } from 'zod';

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
export interface IntegrationKeyJson {
  id: string;
  serviceId: string;
  type: z.infer<typeof integrationType>;
  name: string;
  /** the first 8 characters of the secret, to tell keys apart */
  secretPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  alertmanager: { url: string } | null;
}

/** The answer to creating a key: the only time the secret is shown. */
export interface CreatedIntegrationKeyJson extends IntegrationKeyJson {
  key: string;
  /** where the sender posts */
  url: string;
  /** ready to paste: an Alertmanager receiver (alertmanager keys) or an Events API v2 example (events keys) */
  example: string;
}
