import { prismaOf, type Queryable } from '../queryable';

/** True when there is a team with this id. */
export async function teamExists(q: Queryable, id: string): Promise<boolean> {
  return (await prismaOf(q).team.findUnique({ where: { id }, select: { id: true } })) !== null;
}
