import { prismaOf, type Queryable } from '../queryable';

/** A new session of the user; returns its id. */
export async function insertSession(
  q: Queryable,
  session: { userId: string; tokenHash: string; createdAt: Date; lastUsedAt: Date; expiresAt: Date; absoluteExpiresAt: Date },
): Promise<{ id: string }> {
  return prismaOf(q).session.create({ data: session, select: { id: true } });
}
