import type { TeamRef } from '@heinrich/core/authz/authorize';
import { prismaOf, type Queryable } from '../queryable';

/** A team's id and name, for a team that must exist (a row referring to it is locked): Prisma's P2025 otherwise. */
export async function getTeamRef(q: Queryable, teamId: string): Promise<TeamRef> {
  return prismaOf(q).team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true } });
}
