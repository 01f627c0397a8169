import { AppError } from '@heinrich/core/app-error';
import type { PrismaClient } from '@heinrich/db/create-database';
import type { Prisma } from '@heinrich/db/generated/prisma/client';
import { toLayerDefinitions, type LayerInput, type ScheduleRecord } from './schedule-record';

const WITH_CURRENT_REVISION = {
  revisions: {
    orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
    take: 1,
    select: { effectiveFrom: true, layers: true },
  },
} as const satisfies Prisma.ScheduleInclude;

type Row = Prisma.ScheduleGetPayload<{ include: typeof WITH_CURRENT_REVISION }>;

/** Schedules by id with their current revision, in no particular order; missing ids are absent. */
export async function findSchedules(prisma: PrismaClient | Prisma.TransactionClient, ids: readonly string[]): Promise<ScheduleRecord[]> {
  const rows = await prisma.schedule.findMany({ where: { id: { in: [...ids] } }, include: WITH_CURRENT_REVISION });
  return rows.map(toRecord);
}

/** The schedule with its current revision, or a 404 naming the id. */
export async function findSchedule(prisma: PrismaClient | Prisma.TransactionClient, id: string): Promise<ScheduleRecord> {
  const row = await prisma.schedule.findUnique({ where: { id }, include: WITH_CURRENT_REVISION });
  if (!row) throw AppError.notFound('Schedule', id);
  return toRecord(row);
}

function toRecord(row: Row): ScheduleRecord {
  // every schedule is created with its first revision in the same transaction
  const revision = row.revisions[0] as Row['revisions'][number];
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    // rebuilt in the API's field order (jsonb keeps keys in its own order)
    layers: toLayerDefinitions(revision.layers as unknown as LayerInput[]),
    version: row.version,
    effectiveFrom: revision.effectiveFrom,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
