import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { claimUserInvite } from '@heinrich/db/auth/claim-user-invite';
import { revokeUserSessions } from '@heinrich/db/auth/revoke-user-sessions';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { getUserSummary } from '@heinrich/db/users/get-user-summary';
import { updateUserFields } from '@heinrich/db/users/update-user-fields';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { userSnapshot } from '../users/user-summary';
import { createSession, type NewSession } from './create-session';
import type { PrincipalDescription } from './describe-principal';
import { describeSession } from './describe-session';
import { hashPassword } from './password-hash';

const INVALID = 'This invite link is invalid, expired or already used; ask an admin for a new one';

/**
 * Sets the invited user's password from a one-time invite token, uses the
 * token up, signs out the user's other sessions (an invite also resets a
 * password) and signs them in. Recorded in the audit log as the user, with the
 * invite as credential.
 */
export async function acceptInvite(
  ctx: Context,
  input: { token: string; password: string },
): Promise<{ session: NewSession; me: PrincipalDescription }> {
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const session = await withTransaction(ctx.db, async (tx) => {
    // claiming with a conditional update: of two requests with one token, one wins
    const invite = await claimUserInvite(tx, sha256Hex(input.token), now);
    if (!invite) throw new AppError('validation_failed', INVALID, [{ path: 'token', message: 'is invalid, expired or already used' }]);
    const before = await getUserSummary(tx, invite.userId);
    const after = await updateUserFields(tx, invite.userId, { passwordHash });
    await revokeUserSessions(tx, invite.userId, now);
    await insertAuditEntry(
      tx,
      { id: `user:${after.id}`, display: after.name, credential: 'invite' },
      { action: 'user.accept_invite', entityType: 'user', entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) },
    );
    return createSession(tx, invite.userId, now);
  });
  return { session, me: await describeSession(ctx, session) };
}
