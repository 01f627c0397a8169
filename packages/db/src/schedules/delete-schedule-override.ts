import { prismaOf, type Queryable } from '../queryable';

/** Deletes the override. */
export async function deleteScheduleOverride(q: Queryable, overrideId: string): Promise<void> {
  await prismaOf(q).scheduleOverride.delete({ where: { id: overrideId } });
}
