import { AppError } from '@heinrich/core/app-error';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import type { PrismaClient } from '@heinrich/db/create-database';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

export interface ServiceOwner {
  id: string;
  name: string;
  /** the team that owns the service; null: admins only */
  team: TeamRef | null;
}

/** A service's name and team, which decide who may change it and act on its incidents; 404 when there is none. */
export async function findServiceOwner(prisma: PrismaClient | Prisma.TransactionClient, serviceId: string): Promise<ServiceOwner> {
  const service = await prisma.service.findUnique({
    where: { id: serviceId },
    select: { id: true, name: true, team: { select: { id: true, name: true } } },
  });
  if (!service) throw AppError.notFound('Service', serviceId);
  return service;
}
