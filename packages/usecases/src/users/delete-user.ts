import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { USER_SUMMARY, toUserSummary, userSnapshot } from './user-summary';

/**
 * Deletes the user with their team memberships, contact methods, sessions and
 * invites (ON DELETE CASCADE). Timelines and the audit log keep naming them:
 * those hold actor ids and names as text.
 */
export async function deleteUser(ctx: Context, principal: Principal, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    if (!(await lockRow(tx, 'users', id))) throw AppError.notFound('User', id);
    const before = toUserSummary(await tx.user.findUniqueOrThrow({ where: { id }, select: USER_SUMMARY }));
    requireAllowed(principal, 'user.delete', { user: { id, name: before.name } });
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'user.delete',
      entityType: 'user',
      entityId: id,
      before: userSnapshot(before),
      after: null,
    });
  });
}
