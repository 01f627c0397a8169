import type { Principal } from '@heinrich/core/authz/principal';
import { findTeamsOnCallFor } from '@heinrich/db/contact-methods/find-teams-on-call-for';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';

/** The user's contact methods, oldest first (the user themselves, admins, and the leads of the teams the user is on call for). */
export async function listContactMethods(ctx: Context, principal: Principal, userId: string): Promise<ContactMethodRecord[]> {
  const user = await personalOwner(ctx.db.prisma, userId);
  const onCallFor = principal.role === 'admin' || principal.userId === userId ? [] : ((await findTeamsOnCallFor(ctx.db.pool, [userId], ctx.now())).get(userId) ?? []);
  requireAllowed(principal, 'contact_method.reveal', { user, onCallFor });
  const rows = await ctx.db.prisma.contactMethod.findMany({ where: { userId }, select: CONTACT_METHOD_RECORD, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows as ContactMethodRecord[];
}
