import { prismaOf, type Queryable } from '../queryable';

/** Which of `ids` are schedules that exist. */
export async function findExistingScheduleIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const found = await prismaOf(q).schedule.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(found.map((s) => s.id));
}
