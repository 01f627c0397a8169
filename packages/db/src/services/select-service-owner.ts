import type { TeamRef } from '@heinrich/core/authz/authorize';
import { prismaOf, type Queryable } from '../queryable';

export interface ServiceOwner {
  id: string;
  name: string;
  /** the team that owns the service; null: admins only */
  team: TeamRef | null;
}

/** A service's name and team (who may change it and act on its incidents), or null when there is no such service. */
export async function selectServiceOwner(q: Queryable, serviceId: string): Promise<ServiceOwner | null> {
  return prismaOf(q).service.findUnique({
    where: { id: serviceId },
    select: { id: true, name: true, team: { select: { id: true, name: true } } },
  });
}
