import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import { isProbeRow } from '@heinrich/db/probe/ensure-probe';
import { deleteUserById } from '@heinrich/db/users/delete-user-by-id';
import { getUserSummary } from '@heinrich/db/users/get-user-summary';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { userSnapshot } from './user-summary';

/**
 * Deletes the user with their team memberships, contact methods, sessions and
 * invites (ON DELETE CASCADE). Timelines and the audit log keep naming them:
 * those hold actor ids and names as text.
 */
export async function deleteUser(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockRow(tx, 'users', id))) throw AppError.notFound('User', id);
    const before = await getUserSummary(tx, id);
    requireAllowed(principal, 'user.delete', { user: { id, name: before.name } });
    if (await isProbeRow(tx, 'users', id)) {
      throw new AppError('conflict', `Cannot delete user ${before.name}: it is the built-in synthetic probe's target, not a person (PROBE_ENABLED=false stops the probe)`);
    }
    await deleteUserById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'user.delete',
      entityType: 'user',
      entityId: id,
      before: userSnapshot(before),
      after: null,
    });
  });
}
