import { prismaOf, type Queryable } from '../queryable';

/**
 * The user a usable invite (unused, unexpired, with this token hash) belongs
 * to, and when it expires; null for any other token. Reads only: the invite
 * stays usable.
 */
export async function findInviteHolder(q: Queryable, tokenHash: string, now: Date): Promise<{ name: string; email: string; expiresAt: Date } | null> {
  const invite = await prismaOf(q).userInvite.findFirst({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    select: { expiresAt: true, user: { select: { name: true, email: true } } },
  });
  return invite ? { name: invite.user.name, email: invite.user.email, expiresAt: invite.expiresAt } : null;
}
