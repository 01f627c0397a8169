import { prismaOf, type Queryable } from '../queryable';

/** Signs the user out everywhere: revokes their unrevoked sessions, but for `exceptSessionId` when given. */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date, exceptSessionId?: string): Promise<void> {
  await prismaOf(q).session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now },
  });
}
