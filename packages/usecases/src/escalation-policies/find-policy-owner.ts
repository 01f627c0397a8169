import { AppError } from '@heinrich/core/app-error';
import type { EscalationPolicyResource } from '@heinrich/core/authz/authorize';
import type { PrismaClient } from '@heinrich/db/create-database';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

/** A policy's name and team, which decide who may change it; 404 when there is none. */
export async function findPolicyOwner(prisma: PrismaClient | Prisma.TransactionClient, id: string): Promise<EscalationPolicyResource> {
  const policy = await prisma.escalationPolicy.findUnique({ where: { id }, select: { name: true, team: { select: { id: true, name: true } } } });
  if (!policy) throw AppError.notFound('Escalation policy', id);
  return { policy: policy.name, team: policy.team };
}
