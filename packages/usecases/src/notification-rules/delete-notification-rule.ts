import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import { NOTIFICATION_RULE_RECORD, notificationRuleSnapshot, type NotificationRuleRecord } from './notification-rule-record';

/** Deletes one of the user's rules. */
export async function deleteNotificationRule(ctx: Context, principal: Principal, userId: string, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const user = await personalOwner(tx, userId);
    const row = await tx.notificationRule.findFirst({ where: { id, userId }, select: NOTIFICATION_RULE_RECORD });
    if (!row) throw AppError.notFound(`Notification rule of user ${userId}`, id);
    requireAllowed(principal, 'notification_rule.delete', { user });
    await tx.notificationRule.delete({ where: { id } });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'notification_rule.delete',
      entityType: 'notification_rule',
      entityId: id,
      before: notificationRuleSnapshot(row as NotificationRuleRecord),
      after: null,
    });
  });
}
