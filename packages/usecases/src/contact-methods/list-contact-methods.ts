import type { Principal } from '@heinrich/core/authz/principal';
import { findTeamsOnCallFor } from '@heinrich/db/contact-methods/find-teams-on-call-for';
import { lastDeliveredAt } from '@heinrich/db/contact-methods/last-delivered-at';
import { listUserContactMethods } from '@heinrich/db/contact-methods/list-user-contact-methods';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import type { ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';

/**
 * The user's contact methods, oldest first, each with when it last delivered
 * anything (the user themselves, admins, and the leads of the teams the user is on call for).
 */
export async function listContactMethods(ctx: Context, principal: Principal, userId: string): Promise<(ContactMethodRecord & { lastDeliveredAt: Date | null })[]> {
  const user = await personalOwner(ctx.db.pool, userId);
  const onCallFor = principal.role === 'admin' || principal.userId === userId ? [] : ((await findTeamsOnCallFor(ctx.db.pool, [userId], ctx.now())).get(userId) ?? []);
  requireAllowed(principal, 'contact_method.reveal', { user, onCallFor });
  const methods = await listUserContactMethods(ctx.db.pool, userId);
  const delivered = await lastDeliveredAt(ctx.db.pool, methods.map((m) => m.id));
  return methods.map((m) => ({ ...m, lastDeliveredAt: delivered.get(m.id) ?? null }));
}
