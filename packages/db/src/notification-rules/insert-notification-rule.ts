import { prismaOf, type Queryable } from '../queryable';
import { NOTIFICATION_RULE_RECORD, type NotificationRuleRecord } from './notification-rule-record';

/** A new personal notification rule. */
export async function insertNotificationRule(
  q: Queryable,
  rule: { userId: string; contactMethodId: string; delayMinutes: number; urgency: 'high' | 'low' | 'any'; createdAt: Date },
): Promise<NotificationRuleRecord> {
  return (await prismaOf(q).notificationRule.create({ data: rule, select: NOTIFICATION_RULE_RECORD })) as NotificationRuleRecord;
}
