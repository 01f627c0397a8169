import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findUserCredentials } from '@heinrich/db/auth/find-user-credentials';
import { revokeUserSessions } from '@heinrich/db/auth/revoke-user-sessions';
import { getUserSummary } from '@heinrich/db/users/get-user-summary';
import { updateUserFields } from '@heinrich/db/users/update-user-fields';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { userSnapshot } from '../users/user-summary';
import { hashPassword, verifyPassword } from './password-hash';

/**
 * The signed-in user changes their own password, proving they know the
 * current one. Their other sessions are signed out; this one stays.
 */
export async function changePassword(
  ctx: Context,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = principal.userId ? await findUserCredentials(ctx.db.pool, { id: principal.userId }) : null;
  requireAllowed(principal, 'user.change_password', { user: user ? { id: user.id, name: user.name } : null });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'Request body is invalid: currentPassword is not your current password', [
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    const before = await getUserSummary(tx, user.id);
    await updateUserFields(tx, user.id, { passwordHash });
    await revokeUserSessions(tx, user.id, ctx.now(), principal.sessionId);
    const snapshot = userSnapshot(before);
    // the hash never enters the log: before and after differ only in that a password was (re)set
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      before: snapshot,
      after: { ...snapshot, hasPassword: true },
    });
  });
}
