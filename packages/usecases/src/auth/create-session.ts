import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { insertSession } from '@heinrich/db/auth/insert-session';
import type { Queryable } from '@heinrich/db/queryable';

/** A session ends after this long without use... */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** ...and at the latest this long after sign-in. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewSession {
  /** the cookie's value: 32 random bytes, base64url; the database keeps its SHA-256 */
  token: string;
  sessionId: string;
  createdAt: Date;
  /** the absolute end, for the cookie's Max-Age */
  absoluteExpiresAt: Date;
}

/** Starts a session for the user. */
export async function createSession(q: Queryable, userId: string, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_MAX_AGE_MS);
  const session = await insertSession(q, {
    userId,
    tokenHash: sha256Hex(token),
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_TIMEOUT_MS, absoluteExpiresAt.getTime())),
    absoluteExpiresAt,
  });
  return { token, sessionId: session.id, createdAt: now, absoluteExpiresAt };
}
