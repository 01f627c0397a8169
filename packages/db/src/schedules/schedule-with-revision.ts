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

export function toScheduleWithRevision({ revisions, ...schedule }: Row): ScheduleWithRevision {
  const revision = revisions[0] as Row['revisions'][number];
  // the schedule's columns are exactly ScheduleWithRevision's (the include adds only revisions)
  return { ...schedule, revision: { effectiveFrom: revision.effectiveFrom, layers: revision.layers } };
}
