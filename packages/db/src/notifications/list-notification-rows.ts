import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';

export type NotificationRow = Prisma.NotificationGetPayload<{
  include: { deliveries: true; user: { select: { id: true; name: true } }; incident: { select: { isTest: true } } };
}>;
export type NotificationDeliveryRow = NotificationRow['deliveries'][number];

/**
 * The pages of an incident and/or a person, oldest first, each with its person
 * and its deliveries (stored values: the caller masks them) and whether it is a test page, at most `limit`.
 */
export async function listNotificationRows(q: Queryable, query: { incidentId?: string; userId?: string; limit: number }): Promise<NotificationRow[]> {
  return prismaOf(q).notification.findMany({
    where: { ...(query.incidentId ? { incidentId: query.incidentId } : {}), ...(query.userId ? { userId: query.userId } : {}) },
    orderBy: [{ createdAt: 'asc' }, { cycle: 'asc' }, { step: 'asc' }, { id: 'asc' }],
    take: query.limit,
    include: { deliveries: { orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] }, user: { select: { id: true, name: true } }, incident: { select: { isTest: true } } },
  });
}
