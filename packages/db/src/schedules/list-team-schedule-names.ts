import { prismaOf, type Queryable } from '../queryable';

/** The names of the schedules of these teams, by name, at most 20. */
export async function listTeamScheduleNames(q: Queryable, teamIds: readonly string[]): Promise<{ name: string }[]> {
  return prismaOf(q).schedule.findMany({ where: { teamId: { in: [...teamIds] } }, select: { name: true }, orderBy: { name: 'asc' }, take: 20 });
}
