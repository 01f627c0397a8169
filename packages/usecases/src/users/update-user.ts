import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import { getUserSummary } from '@heinrich/db/users/get-user-summary';
import { slackIdLinkedElsewhere } from '@heinrich/db/users/slack-id-linked-elsewhere';
import { updateUserFields } from '@heinrich/db/users/update-user-fields';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { emailTaken, type NewUser } from './create-user';
import { userSnapshot, type UserSummary } from './user-summary';

/**
 * Changes only the fields given. Admins change anyone; a user their own name
 * and time zone. Changing nothing writes nothing (no audit entry).
 */
export async function updateUser(ctx: Context, principal: Principal, id: string, changes: Partial<NewUser> & { slackUserId?: string | null }): Promise<UserSummary> {
  try {
    return await withTransaction(ctx.db, async (tx) => {
      if (!(await lockRow(tx, 'users', id))) throw AppError.notFound('User', id);
      const before = await getUserSummary(tx, id);
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes;
      const changed = Object.keys(given).filter((k) => before[k as keyof typeof changes] !== given[k as keyof typeof changes]);
      requireAllowed(principal, 'user.update', { user: { id, name: before.name }, fields: changed });
      if (changed.length === 0) return before;
      const after = await updateUserFields(tx, id, given);
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err) && changes.slackUserId && (await slackIdLinkedElsewhere(ctx.db.pool, id, changes.slackUserId))) {
      throw new AppError('conflict', `Slack member id ${changes.slackUserId} is already linked to another user`, [{ path: 'slackUserId', message: 'is linked to another user' }]);
    }
    if (isUniqueViolation(err) && changes.email) throw emailTaken(changes.email);
    throw err;
  }
}

