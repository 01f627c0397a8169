import type { Prisma } from '@heinrich/db/generated/prisma/client';
import type { Context } from '../context';

export type NotificationRecord = Prisma.NotificationGetPayload<{ include: { deliveries: true } }>;

/**
 * The delivery log: the pages of an incident and/or a person, oldest first, each
 * with its deliveries and their status history and provider ids (at most 500
 * pages). Readable by every authenticated caller, like incidents; the route
 * names contact methods by id, never their numbers or URLs.
 */
export async function listNotifications(ctx: Context, query: { incidentId?: string; userId?: string }): Promise<NotificationRecord[]> {
  return ctx.db.prisma.notification.findMany({
    where: { ...(query.incidentId ? { incidentId: query.incidentId } : {}), ...(query.userId ? { userId: query.userId } : {}) },
    orderBy: [{ createdAt: 'asc' }, { cycle: 'asc' }, { step: 'asc' }, { id: 'asc' }],
    take: 500,
    include: { deliveries: { orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] } },
  });
}
