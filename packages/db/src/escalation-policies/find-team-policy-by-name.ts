import { prismaOf, type Queryable } from '../queryable';

/** The team's escalation policy with this name, or null. */
export async function findTeamPolicyByName(q: Queryable, teamId: string, name: string): Promise<{ id: string } | null> {
  return prismaOf(q).escalationPolicy.findFirst({ where: { teamId, name }, select: { id: true } });
}
