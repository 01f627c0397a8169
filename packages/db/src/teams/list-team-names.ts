import { prismaOf, type Queryable } from '../queryable';

/** The id and name of the teams with these ids, by name. */
export async function listTeamNames(q: Queryable, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return prismaOf(q).team.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
