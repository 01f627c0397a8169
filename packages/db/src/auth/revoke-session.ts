import { prismaOf, type Queryable } from '../queryable';

/** Revokes the session (when not revoked already). */
export async function revokeSession(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await prismaOf(q).session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
