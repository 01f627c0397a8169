import { prismaOf, type Queryable } from '../queryable';

/**
 * The schedules /oncall answers for, by name, at most 20: those named `name`
 * (any team, case-insensitive), or without a name those of the teams given.
 */
export async function findSchedulesForOnCall(
  q: Queryable,
  query: { name: string | null; teamIds: readonly string[] },
): Promise<{ id: string; name: string; team: { name: string } }[]> {
  return prismaOf(q).schedule.findMany({
    where: query.name ? { name: { equals: query.name, mode: 'insensitive' } } : { teamId: { in: [...query.teamIds] } },
    select: { id: true, name: true, team: { select: { name: true } } },
    orderBy: { name: 'asc' },
    take: 20,
  });
}
