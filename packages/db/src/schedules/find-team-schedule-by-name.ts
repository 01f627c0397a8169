import { prismaOf, type Queryable } from '../queryable';

/** The team's schedule with this name, or null. */
export async function findTeamScheduleByName(q: Queryable, teamId: string, name: string): Promise<{ id: string } | null> {
  return prismaOf(q).schedule.findFirst({ where: { teamId, name }, select: { id: true } });
}
