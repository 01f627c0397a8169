import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { USER_SUMMARY, toUserSummary, userSnapshot } from '../users/user-summary';
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
  const user = principal.userId
    ? await ctx.db.prisma.user.findUnique({ where: { id: principal.userId }, select: { id: true, name: true, passwordHash: true } })
    : null;
  requireAllowed(principal, 'user.change_password', { user: user ? { id: user.id, name: user.name } : null });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'Request body is invalid: currentPassword is not your current password', [
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.prisma.$transaction(async (tx) => {
    const before = toUserSummary(await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: USER_SUMMARY }));
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(principal.sessionId ? { id: { not: principal.sessionId } } : {}) },
      data: { revokedAt: ctx.now() },
    });
    const snapshot = userSnapshot(before);
    // the hash never enters the log: before and after differ only in that a password was (re)set
    await recordAudit(tx, auditActorOf(principal), {
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      before: snapshot,
      after: { ...snapshot, hasPassword: true },
    });
  });
}
