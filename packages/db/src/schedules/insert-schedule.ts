import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';

/** A new schedule, version 1, with its first revision; its id. */
export async function insertSchedule(
  q: Queryable,
  schedule: { teamId: string; name: string; description: string | null; timeZone: string; effectiveFrom: Date; layers: readonly object[]; createdBy: string },
): Promise<string> {
  const { id } = await prismaOf(q).schedule.create({
    data: {
      teamId: schedule.teamId,
      name: schedule.name,
      description: schedule.description,
      timeZone: schedule.timeZone,
      revisions: {
        create: {
          version: 1,
          effectiveFrom: schedule.effectiveFrom,
          timeZone: schedule.timeZone,
          layers: schedule.layers as unknown as Prisma.InputJsonValue,
          createdBy: schedule.createdBy,
        },
      },
    },
    select: { id: true },
  });
  return id;
}
