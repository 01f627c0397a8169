import { prismaOf } from '../queryable';
import type { Tx } from '../with-transaction';
import type { TeamRole } from './team-summary';

/** Replaces the team's whole membership with `members`. */
export async function replaceTeamMembers(tx: Tx, teamId: string, members: readonly { userId: string; role: TeamRole }[]): Promise<void> {
  const prisma = prismaOf(tx);
  await prisma.teamMember.deleteMany({ where: { teamId } });
  await prisma.teamMember.createMany({ data: members.map((m) => ({ teamId, userId: m.userId, role: m.role })) });
}
