import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';

/** Appends a revision (layers and time zone in force from effectiveFrom) to a schedule. */
export async function insertScheduleRevision(
  q: Queryable,
  revision: { scheduleId: string; version: number; effectiveFrom: Date; timeZone: string; layers: readonly object[]; createdBy: string },
): Promise<void> {
  await prismaOf(q).scheduleRevision.create({
    data: {
      scheduleId: revision.scheduleId,
      version: revision.version,
      effectiveFrom: revision.effectiveFrom,
      timeZone: revision.timeZone,
      layers: revision.layers as unknown as Prisma.InputJsonValue,
      createdBy: revision.createdBy,
    },
  });
}
