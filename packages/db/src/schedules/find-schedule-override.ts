import { prismaOf, type Queryable } from '../queryable';
import { OVERRIDE_SELECT, type OverrideRecord } from './override-record';

/** The schedule's override with this id, or null (none, or another schedule's). */
export async function findScheduleOverride(q: Queryable, scheduleId: string, overrideId: string): Promise<OverrideRecord | null> {
  return prismaOf(q).scheduleOverride.findFirst({ where: { id: overrideId, scheduleId }, select: OVERRIDE_SELECT });
}
