import { prismaOf, type Queryable } from '../queryable';

export interface UserCredentials {
  id: string;
  name: string;
  passwordHash: string | null;
}

/** The user with this id or (trimmed, lower-cased) email, with their password hash, for checking a password. */
export async function findUserCredentials(q: Queryable, by: { id: string } | { email: string }): Promise<UserCredentials | null> {
  return prismaOf(q).user.findUnique({ where: 'id' in by ? { id: by.id } : { email: by.email }, select: { id: true, name: true, passwordHash: true } });
}
