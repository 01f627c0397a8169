import type { NotificationRuleRecord } from '@heinrich/db/notification-rules/notification-rule-record';

export type { NotificationRuleRecord } from '@heinrich/db/notification-rules/notification-rule-record';

/** As the audit log records it. */
export function notificationRuleSnapshot(r: NotificationRuleRecord) {
  return { id: r.id, userId: r.userId, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency };
}
