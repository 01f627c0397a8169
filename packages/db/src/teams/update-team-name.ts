import { prismaOf, type Queryable } from '../queryable';
import { TEAM_SUMMARY, type TeamSummary } from './team-summary';

/** Sets the team's name and updatedAt; the team as it now is. A taken name fails with Prisma's P2002. */
export async function updateTeamName(q: Queryable, id: string, name: string, updatedAt: Date): Promise<TeamSummary> {
  return prismaOf(q).team.update({ where: { id }, data: { name, updatedAt }, select: TEAM_SUMMARY });
}
