import type { Principal } from '@heinrich/core/authz/principal';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';

/** The user's contact methods, oldest first (the user themselves and admins). */
export async function listContactMethods(ctx: Context, principal: Principal, userId: string): Promise<ContactMethodRecord[]> {
  const user = await personalOwner(ctx.db.prisma, userId);
  requireAllowed(principal, 'contact_method.read', { user });
  const rows = await ctx.db.prisma.contactMethod.findMany({ where: { userId }, select: CONTACT_METHOD_RECORD, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows as ContactMethodRecord[];
}
