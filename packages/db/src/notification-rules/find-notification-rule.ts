import { prismaOf, type Queryable } from '../queryable';
import { NOTIFICATION_RULE_RECORD, type NotificationRuleRecord } from './notification-rule-record';

/** The user's rule with this id, or null when the user has no such rule. */
export async function findNotificationRule(q: Queryable, userId: string, id: string): Promise<NotificationRuleRecord | null> {
  return (await prismaOf(q).notificationRule.findFirst({ where: { id, userId }, select: NOTIFICATION_RULE_RECORD })) as NotificationRuleRecord | null;
}
