import { prismaOf, type Queryable } from '../queryable';
import { NOTIFICATION_RULE_RECORD, type NotificationRuleRecord } from './notification-rule-record';

/** The user's rules, by delay. */
export async function listUserNotificationRules(q: Queryable, userId: string): Promise<NotificationRuleRecord[]> {
  const rows = await prismaOf(q).notificationRule.findMany({
    where: { userId },
    select: NOTIFICATION_RULE_RECORD,
    orderBy: [{ delayMinutes: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows as NotificationRuleRecord[];
}
