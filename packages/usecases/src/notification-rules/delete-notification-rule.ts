import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { deleteNotificationRuleById } from '@heinrich/db/notification-rules/delete-notification-rule-by-id';
import { findNotificationRule } from '@heinrich/db/notification-rules/find-notification-rule';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import { notificationRuleSnapshot } from './notification-rule-record';

/** Deletes one of the user's rules. */
export async function deleteNotificationRule(ctx: Context, principal: Principal, userId: string, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const user = await personalOwner(tx, userId);
    const row = await findNotificationRule(tx, userId, id);
    if (!row) throw AppError.notFound(`Notification rule of user ${userId}`, id);
    requireAllowed(principal, 'notification_rule.delete', { user });
    await deleteNotificationRuleById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'notification_rule.delete',
      entityType: 'notification_rule',
      entityId: id,
      before: notificationRuleSnapshot(row),
      after: null,
    });
  });
}
