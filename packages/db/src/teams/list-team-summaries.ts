import { prismaOf, type Queryable } from '../queryable';
import { TEAM_SUMMARY, type TeamSummary } from './team-summary';

/** The teams (with their members) among `ids` that exist, in no particular order. */
export async function listTeamSummaries(q: Queryable, ids: readonly string[]): Promise<TeamSummary[]> {
  return prismaOf(q).team.findMany({ where: { id: { in: [...ids] } }, select: TEAM_SUMMARY });
}
