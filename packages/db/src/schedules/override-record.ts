import type { Prisma } from '../generated/prisma/client';

export const OVERRIDE_SELECT = {
  id: true,
  scheduleId: true,
  userId: true,
  startsAt: true,
  endsAt: true,
  createdAt: true,
  createdBy: true,
  user: { select: { name: true } },
} as const satisfies Prisma.ScheduleOverrideSelect;

/** An override with the name of whoever it puts on call. */
export type OverrideRecord = Prisma.ScheduleOverrideGetPayload<{ select: typeof OVERRIDE_SELECT }>;
