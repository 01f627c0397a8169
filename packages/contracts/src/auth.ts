import { z } from 'zod';
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

/** POST /api/v1/auth/change-password */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string({ error: 'is required' }).min(1, 'is required').max(1_024, 'must be at most 1024 characters'),
  newPassword,
});

/** GET /api/v1/auth/me, and the answer to signing in */
export interface MeJson {
  /** session | api-key | bootstrap */
  credential: 'session' | 'api-key' | 'bootstrap';
  /** how timelines and the audit log name you */
  display: string;
  role: 'admin' | 'user';
  user: { id: string; name: string; email: string; timeZone: string } | null;
  apiKey: { id: string; name: string; role: 'admin' | 'lead' | 'responder' | 'viewer'; teamId: string | null } | null;
  /** your role in each team (for an API key, its team) */
  teams: { id: string; name: string; role: 'lead' | 'responder' | 'viewer' }[];
}
