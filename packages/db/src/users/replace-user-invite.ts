import { prismaOf, type Queryable } from '../queryable';

/** A new invite for the user, replacing their unused ones; returns its id. */
export async function replaceUserInvite(
  q: Queryable,
  invite: { userId: string; tokenHash: string; createdBy: string; createdAt: Date; expiresAt: Date },
): Promise<{ id: string }> {
  const prisma = prismaOf(q);
  await prisma.userInvite.deleteMany({ where: { userId: invite.userId, usedAt: null } });
  return prisma.userInvite.create({ data: invite, select: { id: true } });
}
