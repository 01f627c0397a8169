import { sha256Hex } from '@heinrich/core/alert-group';
import type { Principal } from '@heinrich/core/authz/principal';
import { findActiveSession } from '@heinrich/db/auth/find-active-session';
import type { Context } from '../context';
import { SESSION_IDLE_TIMEOUT_MS } from './create-session';

/** The principal of a session cookie's token, or undefined when it is unknown, expired or revoked. */
export async function authenticateSession(ctx: Context, token: string): Promise<Principal | undefined> {
  if (token.length === 0 || token.length > 256) return undefined;
  const session = await findActiveSession(ctx.db.pool, { tokenHash: sha256Hex(token), now: ctx.now(), idleTimeoutMs: SESSION_IDLE_TIMEOUT_MS });
  if (!session) return undefined;
  return {
    kind: 'session',
    userId: session.userId,
    sessionId: session.sessionId,
    role: session.role,
    teamRoles: session.teamRoles,
    display: session.name,
    via: 'ui',
  };
}
