import { prismaOf, type Queryable } from '../queryable';

/** A user's id and name, or null when there is no such user. */
export async function findUserRef(q: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  return prismaOf(q).user.findUnique({ where: { id }, select: { id: true, name: true } });
}
