import { prismaOf, type Queryable } from '../queryable';

/** The names of the users among `ids` that exist, by id (no query for no ids). */
export async function findUserNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = ids.length > 0 ? await prismaOf(q).user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }) : [];
  return new Map(rows.map((u) => [u.id, u.name]));
}
