import { prismaOf, type Queryable } from '../queryable';

/**
 * Uses up the unused, unexpired invite with this token hash: a conditional
 * update, so of two requests with one token one wins. Returns the invited
 * user's id, or null when there is no such invite (or another request won).
 */
export async function claimUserInvite(q: Queryable, tokenHash: string, now: Date): Promise<{ userId: string } | null> {
  const prisma = prismaOf(q);
  const claimed = await prisma.userInvite.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return claimed.count === 1 ? prisma.userInvite.findUnique({ where: { tokenHash }, select: { userId: true } }) : null;
}
