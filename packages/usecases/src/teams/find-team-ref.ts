import type { TeamRef } from '@heinrich/core/authz/authorize';
import type { PrismaClient } from '@heinrich/db/create-database';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

/** A team's id and name (what authorization reasons show), or null when there is no such team. */
export async function findTeamRef(prisma: PrismaClient | Prisma.TransactionClient, teamId: string): Promise<TeamRef | null> {
  return prisma.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}
