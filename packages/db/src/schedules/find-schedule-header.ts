import { prismaOf, type Queryable } from '../queryable';

/** A schedule's id, name and team, or null when there is no such schedule. */
export async function findScheduleHeader(q: Queryable, id: string): Promise<{ id: string; name: string; teamId: string } | null> {
  return prismaOf(q).schedule.findUnique({ where: { id }, select: { id: true, name: true, teamId: true } });
}
