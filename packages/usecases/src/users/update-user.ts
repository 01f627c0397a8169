import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { emailTaken, type NewUser } from './create-user';
import { USER_SUMMARY, toUserSummary, userSnapshot, type UserSummary } from './user-summary';

/**
 * Changes only the fields given. Admins change anyone; a user their own name
 * and time zone. Changing nothing writes nothing (no audit entry).
 */
export async function updateUser(ctx: Context, principal: Principal, id: string, changes: Partial<NewUser> & { slackUserId?: string | null }): Promise<UserSummary> {
  try {
    return await ctx.db.prisma.$transaction(async (tx) => {
      if (!(await lockRow(tx, 'users', id))) throw AppError.notFound('User', id);
      const before = toUserSummary(await tx.user.findUniqueOrThrow({ where: { id }, select: USER_SUMMARY }));
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes;
      const changed = Object.keys(given).filter((k) => before[k as keyof typeof changes] !== given[k as keyof typeof changes]);
      requireAllowed(principal, 'user.update', { user: { id, name: before.name }, fields: changed });
      if (changed.length === 0) return before;
      const after = toUserSummary(await tx.user.update({ where: { id }, data: given, select: USER_SUMMARY }));
      await recordAudit(tx, auditActorOf(principal), {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err) && changes.slackUserId && (await slackIdTaken(ctx, id, changes.slackUserId))) {
      throw new AppError('conflict', `Slack member id ${changes.slackUserId} is already linked to another user`, [{ path: 'slackUserId', message: 'is linked to another user' }]);
    }
    if (isUniqueViolation(err) && changes.email) throw emailTaken(changes.email);
    throw err;
  }
}

async function slackIdTaken(ctx: Context, id: string, slackUserId: string): Promise<boolean> {
  return (await ctx.db.prisma.user.count({ where: { slackUserId, id: { not: id } } })) > 0;
}
