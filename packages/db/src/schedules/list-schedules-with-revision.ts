import { prismaOf, type Queryable } from '../queryable';
import { toScheduleWithRevision, WITH_CURRENT_REVISION, type ScheduleWithRevision } from './schedule-with-revision';

/** Schedules by id with their current revision, in no particular order; missing ids are absent. */
export async function listSchedulesWithRevision(q: Queryable, ids: readonly string[]): Promise<ScheduleWithRevision[]> {
  const rows = await prismaOf(q).schedule.findMany({ where: { id: { in: [...ids] } }, include: WITH_CURRENT_REVISION });
  return rows.map(toScheduleWithRevision);
}
