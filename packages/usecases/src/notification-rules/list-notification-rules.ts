import type { Principal } from '@heinrich/core/authz/principal';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import { NOTIFICATION_RULE_RECORD, type NotificationRuleRecord } from './notification-rule-record';

/** The user's rules, by delay (the user themselves and admins, like their contact methods). */
export async function listNotificationRules(ctx: Context, principal: Principal, userId: string): Promise<NotificationRuleRecord[]> {
  const user = await personalOwner(ctx.db.prisma, userId);
  requireAllowed(principal, 'contact_method.read', { user });
  const rows = await ctx.db.prisma.notificationRule.findMany({
    where: { userId },
    select: NOTIFICATION_RULE_RECORD,
    orderBy: [{ delayMinutes: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows as NotificationRuleRecord[];
}
