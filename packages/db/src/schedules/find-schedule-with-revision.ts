import { prismaOf, type Queryable } from '../queryable';
import { toScheduleWithRevision, WITH_CURRENT_REVISION, type ScheduleWithRevision } from './schedule-with-revision';

/** The schedule with its current revision, or null when there is no such schedule. */
export async function findScheduleWithRevision(q: Queryable, id: string): Promise<ScheduleWithRevision | null> {
  const row = await prismaOf(q).schedule.findUnique({ where: { id }, include: WITH_CURRENT_REVISION });
  return row ? toScheduleWithRevision(row) : null;
}
