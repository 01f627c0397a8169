import { prismaOf, type Queryable } from '../queryable';
import { OVERRIDE_SELECT, type OverrideRecord } from './override-record';

/** A new override: `userId` on call in the schedule for [startsAt, endsAt). */
export async function insertScheduleOverride(
  q: Queryable,
  override: { scheduleId: string; userId: string; startsAt: Date; endsAt: Date; createdBy: string },
): Promise<OverrideRecord> {
  return prismaOf(q).scheduleOverride.create({ data: override, select: OVERRIDE_SELECT });
}
