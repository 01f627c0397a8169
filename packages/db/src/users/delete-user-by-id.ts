import { prismaOf, type Queryable } from '../queryable';

/** Deletes the user; memberships, contact methods, sessions and invites go with them (ON DELETE CASCADE). */
export async function deleteUserById(q: Queryable, id: string): Promise<void> {
  await prismaOf(q).user.delete({ where: { id } });
}
