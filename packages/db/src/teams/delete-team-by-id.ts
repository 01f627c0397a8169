import { prismaOf, type Queryable } from '../queryable';

/** Deletes the team; its memberships and the API keys limited to it go with it (ON DELETE CASCADE). */
export async function deleteTeamById(q: Queryable, id: string): Promise<void> {
  await prismaOf(q).team.delete({ where: { id } });
}
