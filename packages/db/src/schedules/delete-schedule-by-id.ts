import { prismaOf, type Queryable } from '../queryable';

/** Deletes the schedule with its revisions, overrides and calendar feed (ON DELETE CASCADE). */
export async function deleteScheduleById(q: Queryable, id: string): Promise<void> {
  await prismaOf(q).schedule.delete({ where: { id } });
}
