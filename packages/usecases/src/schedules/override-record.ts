import type { Prisma } from '@heinrich/db/generated/prisma/client';

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

export type OverrideRecord = Prisma.ScheduleOverrideGetPayload<{ select: typeof OVERRIDE_SELECT }>;

/** An override as the audit log records it. */
export function overrideSnapshot(o: OverrideRecord) {
  return { id: o.id, scheduleId: o.scheduleId, userId: o.userId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() };
}
