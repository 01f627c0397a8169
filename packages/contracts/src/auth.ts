import { z } from 'zod';
import { instant, uuid } from './primitives';
import { email } from './users';

/** Long enough to resist guessing offline; the upper bound keeps hashing cheap (argon2 hashes any length). */
export const newPassword = z
  .string({ error: 'is required' })
  .min(12, 'must be at least 12 characters')
  .max(1_024, 'must be at most 1024 characters');

/** POST /api/v1/auth/sign-in */
export const signInBody = z.strictObject({
  email,
  password: z.string({ error: 'is required' }).min(1, 'is required').max(1_024, 'must be at most 1024 characters'),
});

/** POST /api/v1/auth/accept-invite */
export const acceptInviteBody = z.strictObject({
  token: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'is not an invite token'),
  password: newPassword,
});

// ha: whose invite a token is (the accept-invite page names the account)
/** POST /api/v1/auth/invite-holder */
export const inviteHolderBody = z.strictObject({
  token: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'is not an invite token'),
});

/** The holder of a valid (unused, unexpired) invite token: only to that token. */
export const inviteHolderJson = z.strictObject({
  name: z.string(),
  email: z.string(),
  expiresAt: instant.describe('when the invite link stops working'),
});
export type InviteHolderJson = z.infer<typeof inviteHolderJson>;

/** POST /api/v1/auth/change-password */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string({ error: 'is required' }).min(1, 'is required').max(1_024, 'must be at most 1024 characters'),
  newPassword,
});

/** GET /api/v1/auth/me, and the answer to signing in */
export const meJson = z.strictObject({
  credential: z.enum(['session', 'api-key', 'bootstrap']),
  display: z.string().describe('how timelines and the audit log name you'),
  role: z.enum(['admin', 'user']),
  user: z.strictObject({ id: uuid, name: z.string(), email: z.string(), timeZone: z.string() }).nullable(),
  apiKey: z.strictObject({ id: uuid, name: z.string(), role: z.enum(['admin', 'lead', 'responder', 'viewer']), teamId: uuid.nullable() }).nullable(),
  teams: z.array(z.strictObject({ id: uuid, name: z.string(), role: z.enum(['lead', 'responder', 'viewer']) })).describe('your role in each team (for an API key, its team)'),
});
export type MeJson = z.infer<typeof meJson>;
