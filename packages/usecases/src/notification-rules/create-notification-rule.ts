import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import { NOTIFICATION_RULE_RECORD, notificationRuleSnapshot, type NotificationRuleRecord } from './notification-rule-record';

export interface CreateNotificationRuleInput {
  contactMethodId: string;
  delayMinutes: number;
  urgency: 'high' | 'low' | 'any';
}

/**
 * Adds a personal rule: notify the user on one of their own contact methods
 * `delayMinutes` after they are paged. A rule on an unverified phone is kept
 * (it pages once the number is verified); delivery reports why it was skipped.
 */
export async function createNotificationRule(
  ctx: Context,
  principal: Principal,
  userId: string,
  input: CreateNotificationRuleInput,
): Promise<NotificationRuleRecord> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await personalOwner(tx, userId);
    requireAllowed(principal, 'notification_rule.create', { user });
    const method = await tx.contactMethod.findFirst({ where: { id: input.contactMethodId, userId }, select: { id: true } });
    if (!method) {
      const message = `is not a contact method of ${user.name} (${input.contactMethodId})`;
      throw new AppError('validation_failed', `Request body is invalid: contactMethodId ${message}`, [{ path: 'contactMethodId', message }]);
    }
    const rule = (await tx.notificationRule.create({
      data: { userId, contactMethodId: input.contactMethodId, delayMinutes: input.delayMinutes, urgency: input.urgency, createdAt: ctx.now() },
      select: NOTIFICATION_RULE_RECORD,
    })) as NotificationRuleRecord;
    await recordAudit(tx, auditActorOf(principal), {
      action: 'notification_rule.create',
      entityType: 'notification_rule',
      entityId: rule.id,
      before: null,
      after: notificationRuleSnapshot(rule),
    });
    return rule;
  });
}
