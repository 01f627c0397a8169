import type { Principal } from '@heinrich/core/authz/principal';
import { listUserNotificationRules } from '@heinrich/db/notification-rules/list-user-notification-rules';
import { requireAllowed } from '../authz/require-allowed';
import { personalOwner } from '../contact-methods/personal-owner';
import type { Context } from '../context';
import type { NotificationRuleRecord } from './notification-rule-record';

/** The user's rules, by delay (the user themselves and admins, like their contact methods). */
export async function listNotificationRules(ctx: Context, principal: Principal, userId: string): Promise<NotificationRuleRecord[]> {
  const user = await personalOwner(ctx.db.pool, userId);
  requireAllowed(principal, 'contact_method.read', { user });
  return listUserNotificationRules(ctx.db.pool, userId);
}
