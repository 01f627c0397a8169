import { z } from 'zod';
import { instant, uuid } from './primitives';

export const apiKeyRole = z.enum(['admin', 'lead', 'responder', 'viewer'], { error: 'must be "admin", "lead", "responder" or "viewer"' });

/** POST /api/v1/api-keys */
export const createApiKeyBody = z
  .strictObject({
    name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    role: apiKeyRole,
    /** limits a lead/responder/viewer key to one team; without it the role applies to every team */
    teamId: uuid.nullable().default(null),
  })
  .refine((body) => !(body.role === 'admin' && body.teamId !== null), {
    path: ['teamId'],
    message: 'must be null for an admin key (admins act on every team)',
  });
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;

/** An API key as lists show it: never the secret or its hash. */
export const apiKeyJson = z.strictObject({
  id: uuid,
  name: z.string(),
  role: apiKeyRole,
  teamId: uuid.nullable(),
  secretPrefix: z.string().describe('the first 8 characters of the secret, to tell keys apart'),
  createdBy: z.string(),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type ApiKeyJson = z.infer<typeof apiKeyJson>;

/** The answer to creating a key: the only time the secret is shown. */
export const createdApiKeyJson = apiKeyJson.extend({ key: z.string().describe('the secret: shown this once') });
export type CreatedApiKeyJson = z.infer<typeof createdApiKeyJson>;
