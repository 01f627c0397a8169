import { prismaOf, type Queryable } from '../queryable';
import { TEAM_SUMMARY, type TeamSummary } from './team-summary';

/** The team with its members, or null when there is no such team. */
export async function findTeamSummary(q: Queryable, id: string): Promise<TeamSummary | null> {
  return prismaOf(q).team.findUnique({ where: { id }, select: TEAM_SUMMARY });
}
