import { prismaOf, type Queryable } from '../queryable';

/** True when there is a schedule with this id. */
export async function scheduleExists(q: Queryable, id: string): Promise<boolean> {
  return (await prismaOf(q).schedule.findUnique({ where: { id }, select: { id: true } })) !== null;
}
