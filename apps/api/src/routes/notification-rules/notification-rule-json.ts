import type { NotificationRuleJson } from '@heinrich/contracts/contact-methods';
import type { NotificationRuleRecord } from '@heinrich/usecases/notification-rules/notification-rule-record';

export function notificationRuleJson(r: NotificationRuleRecord): NotificationRuleJson {
  return { id: r.id, userId: r.userId, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency, createdAt: r.createdAt.toISOString() };
}
