import { prismaOf, type Queryable } from '../queryable';

/** Which of `ids` are users that exist. */
export async function findExistingUserIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const found = await prismaOf(q).user.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(found.map((u) => u.id));
}
