import { prismaOf, type Queryable } from '../queryable';
import { TEAM_SUMMARY, type TeamRole, type TeamSummary } from './team-summary';

/** A new team with its members. A taken name fails with Prisma's P2002. */
export async function insertTeam(
  q: Queryable,
  team: { name: string; members: readonly { userId: string; role: TeamRole }[] },
): Promise<TeamSummary> {
  return prismaOf(q).team.create({
    data: { name: team.name, members: { create: team.members.map((m) => ({ userId: m.userId, role: m.role })) } },
    select: TEAM_SUMMARY,
  });
}
