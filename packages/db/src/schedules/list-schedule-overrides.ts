import { prismaOf, type Queryable } from '../queryable';
import { OVERRIDE_SELECT, type OverrideRecord } from './override-record';

/** The schedule's overrides overlapping [from, to) (no `to`: no end), by start then id, after `after`, at most `take`. */
export async function listScheduleOverrides(
  q: Queryable,
  opts: { scheduleId: string; from: Date; to?: Date; after?: { startsAt: Date; id: string }; take: number },
): Promise<OverrideRecord[]> {
  const { scheduleId, from, to, after } = opts;
  return prismaOf(q).scheduleOverride.findMany({
    where: {
      scheduleId,
      endsAt: { gt: from },
      ...(to ? { startsAt: { lt: to } } : {}),
      ...(after ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: opts.take,
    select: OVERRIDE_SELECT,
  });
}
