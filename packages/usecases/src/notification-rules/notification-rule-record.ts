import type { Prisma } from '@heinrich/db/generated/prisma/client';

export const NOTIFICATION_RULE_RECORD = {
  id: true,
  userId: true,
  contactMethodId: true,
  delayMinutes: true,
  urgency: true,
  createdAt: true,
} as const satisfies Prisma.NotificationRuleSelect;

export type NotificationRuleRecord = Omit<Prisma.NotificationRuleGetPayload<{ select: typeof NOTIFICATION_RULE_RECORD }>, 'urgency'> & {
  urgency: 'high' | 'low' | 'any';
};

/** As the audit log records it. */
export function notificationRuleSnapshot(r: NotificationRuleRecord) {
  return { id: r.id, userId: r.userId, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency };
}
