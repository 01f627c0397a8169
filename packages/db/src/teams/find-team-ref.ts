import type { TeamRef } from '@heinrich/core/authz/authorize';
import { prismaOf, type Queryable } from '../queryable';

/** A team's id and name (what authorization reasons show), or null when there is no such team. */
export async function findTeamRef(q: Queryable, teamId: string): Promise<TeamRef | null> {
  return prismaOf(q).team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}
