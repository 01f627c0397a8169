import { z } from 'zod';
import { instant, uuid } from './primitives';

export const userRole = z.enum(['admin', 'user'], { error: 'must be "admin" or "user"' });

/**
 * An IANA time zone (Europe/Berlin), checked with the runtime's own tz database
 * (Intl). Stored as given, but with the database's capitalisation when only
 * that differs (europe/berlin -> Europe/Berlin); a valid alias (US/Pacific)
 * stays as typed. UTC offsets (+01:00) are refused: they don't follow daylight
 * saving time, which schedules must.
 */
export const timeZone = z
  .string({ error: 'must be an IANA time zone such as Europe/Berlin' })
  .trim()
  .transform((value, ctx) => {
    const canonical = /^[A-Za-z]/.test(value) ? canonicalTimeZone(value) : undefined;
    if (canonical) return canonical;
    ctx.issues.push({ code: 'custom', input: value, message: `must be an IANA time zone such as Europe/Berlin (not "${value}")` });
    return z.NEVER;
  });

function canonicalTimeZone(value: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
  } catch {
    return undefined;
  }
}

/** Emails are compared without regard to case: stored trimmed and lower-cased. */
export const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(320, 'must be at most 320 characters')
  .pipe(z.email({ error: 'must be an email address' }));

const fields = {
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  email,
  timeZone,
  role: userRole,
};

/** POST /api/v1/users */
export const createUserBody = z.strictObject({
  name: fields.name,
  email: fields.email,
  timeZone: fields.timeZone.default('UTC'),
  role: fields.role.default('user'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** PATCH /api/v1/users/{id}: only the fields present change. */
export const updateUserBody = z.strictObject({
  name: fields.name.optional(),
  email: fields.email.optional(),
  timeZone: fields.timeZone.optional(),
  role: fields.role.optional(),
  /** the Slack member id (U... or W...) whose clicks and commands act as this user; null unlinks (admins) */
  slackUserId: z
    .string({ error: 'must be a Slack member id such as U024BE7LH, or null' })
    .trim()
    .regex(/^[UW][A-Z0-9]{2,20}$/, 'must be a Slack member id such as U024BE7LH')
    .nullable()
    .optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** A user as the API shows it: never the password hash, only whether there is one. */
export const userJson = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  role: userRole,
  hasPassword: z.boolean().describe('false until the user accepted an invite and set a password'),
  slackUserId: z.string().nullable().describe('the linked Slack member id (set by an admin, or found by email on the first click); null: not linked'),
  createdAt: instant,
  updatedAt: instant,
});
export type UserJson = z.infer<typeof userJson>;

/** The answer to POST /api/v1/users/{id}/invite: the one-time link, shown this once. */
export const inviteJson = z.strictObject({
  userId: uuid,
  token: z.string().describe('the one-time token, for POST /api/v1/auth/accept-invite'),
  url: z.string().describe("a link to send the user; the token is in the fragment, which browsers don't send to servers or in Referer"),
  expiresAt: instant,
});
export type InviteJson = z.infer<typeof inviteJson>;
