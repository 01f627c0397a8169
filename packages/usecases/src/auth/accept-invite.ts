import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Context } from '../context';
import { USER_SUMMARY, toUserSummary, userSnapshot } from '../users/user-summary';
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
  const session = await ctx.db.prisma.$transaction(async (tx) => {
    const tokenHash = sha256Hex(input.token);
    // claiming with a conditional update: of two requests with one token, one wins
    const claimed = await tx.userInvite.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const invite = claimed.count === 1 ? await tx.userInvite.findUnique({ where: { tokenHash }, select: { userId: true } }) : null;
    if (!invite) throw new AppError('validation_failed', INVALID, [{ path: 'token', message: 'is invalid, expired or already used' }]);
    const before = toUserSummary(await tx.user.findUniqueOrThrow({ where: { id: invite.userId }, select: USER_SUMMARY }));
    const after = toUserSummary(await tx.user.update({ where: { id: invite.userId }, data: { passwordHash }, select: USER_SUMMARY }));
    await tx.session.updateMany({ where: { userId: invite.userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { id: `user:${after.id}`, display: after.name, credential: 'invite' },
      { action: 'user.accept_invite', entityType: 'user', entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) },
    );
    return createSession(tx, invite.userId, now);
  });
  return { session, me: await describeSession(ctx, session) };
}
