import { prismaOf, type Queryable } from '../queryable';

/** The user's id, name and email, or null when there is no such user. */
export async function findUserContact(q: Queryable, id: string): Promise<{ id: string; name: string; email: string } | null> {
  return prismaOf(q).user.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
}
