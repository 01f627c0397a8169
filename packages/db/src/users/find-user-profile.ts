import { prismaOf, type Queryable } from '../queryable';

export interface UserProfile {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

/** The user's id, name, email and time zone, or null when there is no such user. */
export async function findUserProfile(q: Queryable, id: string): Promise<UserProfile | null> {
  return prismaOf(q).user.findUnique({ where: { id }, select: { id: true, name: true, email: true, timeZone: true } });
}
