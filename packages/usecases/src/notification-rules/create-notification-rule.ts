import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { RuleMethod } from '@heinrich/core/delivery/notification-rule-warnings';
import { getContactMethodRecord } from '@heinrich/db/contact-methods/get-contact-method-record';
import { userHasContactMethod } from '@heinrich/db/contact-methods/user-has-contact-method';
import { insertNotificationRule } from '@heinrich/db/notification-rules/insert-notification-rule';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import { notificationRuleSnapshot, type NotificationRuleRecord } from './notification-rule-record';

export interface CreateNotificationRuleInput {
  contactMethodId: string;
  delayMinutes: number;
  urgency: 'high' | 'low' | 'any';
}

/**
 * Adds a personal rule: notify the user on one of their own contact methods
 * `delayMinutes` after they are paged. A rule on an unverified phone is kept
 * (it pages once the number is verified); delivery reports why it was skipped.
 * The answer carries the method as the rule sees it, for the caller's warnings
 * (core/delivery/notification-rule-warnings).
 */
export async function createNotificationRule(
  ctx: Context,
  principal: Principal,
  userId: string,
  input: CreateNotificationRuleInput,
): Promise<NotificationRuleRecord & { method: RuleMethod }> {
  return withTransaction(ctx.db, async (tx) => {
    const user = await personalOwner(tx, userId);
    requireAllowed(principal, 'notification_rule.create', { user });
    if (!(await userHasContactMethod(tx, userId, input.contactMethodId))) {
      const message = `is not a contact method of ${user.name} (${input.contactMethodId})`;
      throw new AppError('validation_failed', `Request body is invalid: contactMethodId ${message}`, [{ path: 'contactMethodId', message }]);
    }
    const m = await getContactMethodRecord(tx, input.contactMethodId);
    const method: RuleMethod = { type: m.type, verified: m.verifiedAt !== null, disabled: m.disabledAt !== null };
    const rule = await insertNotificationRule(tx, {
      userId,
      contactMethodId: input.contactMethodId,
      delayMinutes: input.delayMinutes,
      urgency: input.urgency,
      createdAt: ctx.now(),
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'notification_rule.create',
      entityType: 'notification_rule',
      entityId: rule.id,
      before: null,
      after: notificationRuleSnapshot(rule),
    });
    return { ...rule, method };
  });
}
