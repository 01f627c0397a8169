import { prismaOf, type Queryable } from '../queryable';

/** True when the contact method with this id is one of the user's. */
export async function userHasContactMethod(q: Queryable, userId: string, id: string): Promise<boolean> {
  return (await prismaOf(q).contactMethod.findFirst({ where: { id, userId }, select: { id: true } })) !== null;
}
