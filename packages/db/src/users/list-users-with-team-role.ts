import { prismaOf, type Queryable } from '../queryable';

export interface UserWithTeamRole {
  id: string;
  name: string;
  role: 'admin' | 'user';
  /** the user's membership of the team: one entry, or none */
  teams: { role: 'lead' | 'responder' | 'viewer' }[];
}

/** The users among `ids` that exist, with their global role and their role in `teamId`. */
export async function listUsersWithTeamRole(q: Queryable, ids: readonly string[], teamId: string): Promise<UserWithTeamRole[]> {
  return prismaOf(q).user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, role: true, teams: { where: { teamId }, select: { role: true } } },
  });
}
