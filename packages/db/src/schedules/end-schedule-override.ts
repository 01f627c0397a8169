import { prismaOf, type Queryable } from '../queryable';
import { OVERRIDE_SELECT, type OverrideRecord } from './override-record';

/** Cuts the override to end at `endsAt`; the override as it now is. */
export async function endScheduleOverride(q: Queryable, overrideId: string, endsAt: Date): Promise<OverrideRecord> {
  return prismaOf(q).scheduleOverride.update({ where: { id: overrideId }, data: { endsAt }, select: OVERRIDE_SELECT });
}
