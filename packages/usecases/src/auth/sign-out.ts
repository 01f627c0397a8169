import type { Principal } from '@heinrich/core/authz/principal';
import { revokeSession } from '@heinrich/db/auth/revoke-session';
import type { Context } from '../context';

/** Revokes the caller's session: its cookie gets 401 from then on. Without a session (an API key), nothing to do. */
export async function signOut(ctx: Context, principal: Principal): Promise<void> {
  if (principal.kind !== 'session' || !principal.sessionId) return;
  await revokeSession(ctx.db.pool, principal.sessionId, ctx.now());
}
