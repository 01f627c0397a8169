import { prismaOf, type Queryable } from '../queryable';

export interface DemoPerson {
  name: string;
  email: string;
  timeZone: string;
  role: 'admin' | 'user';
  team: 'lead' | 'responder' | 'viewer';
}

/**
 * The demo team and its people, each a member with a verified `log` contact
 * method: created where missing, left as they are where present (by team name
 * and email). Returns the team's id and the people's ids in order.
 */
export async function ensureDemoTeam(
  q: Queryable,
  demo: { team: string; people: readonly DemoPerson[]; passwordHash: string; now: Date },
): Promise<{ teamId: string; userIds: string[] }> {
  const prisma = prismaOf(q);
  const team = await prisma.team.upsert({ where: { name: demo.team }, update: {}, create: { name: demo.team } });
  const userIds: string[] = [];
  for (const u of demo.people) {
    const user = await prisma.user.upsert({
      where: { email: u.email },
      update: {},
      create: { name: u.name, email: u.email, timeZone: u.timeZone, role: u.role, passwordHash: demo.passwordHash },
    });
    userIds.push(user.id);
    await prisma.teamMember.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      update: {},
      create: { teamId: team.id, userId: user.id, role: u.team },
    });
    if (!(await prisma.contactMethod.findFirst({ where: { userId: user.id, type: 'log' } }))) {
      await prisma.contactMethod.create({ data: { userId: user.id, type: 'log', value: u.email, verifiedAt: demo.now } });
    }
  }
  return { teamId: team.id, userIds };
}
