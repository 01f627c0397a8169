import type { Prisma } from '../generated/prisma/client';

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
