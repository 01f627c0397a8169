import type { Prisma } from '../generated/prisma/client';

/** A schedule's row with its current revision (the latest effective one). */
export const WITH_CURRENT_REVISION = {
  revisions: {
    orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
    take: 1,
    select: { effectiveFrom: true, layers: true },
  },
} as const satisfies Prisma.ScheduleInclude;

type Row = Prisma.ScheduleGetPayload<{ include: typeof WITH_CURRENT_REVISION }>;

export interface ScheduleWithRevision {
  id: string;
  teamId: string;
  name: string;
  description: string | null;
  timeZone: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** every schedule is created with its first revision in the same transaction */
  revision: { effectiveFrom: Date; layers: unknown };
}

export function toScheduleWithRevision(row: Row): ScheduleWithRevision {
  const revision = row.revisions[0] as Row['revisions'][number];
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: { effectiveFrom: revision.effectiveFrom, layers: revision.layers },
  };
}
