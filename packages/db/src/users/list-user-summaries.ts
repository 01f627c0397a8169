import { prismaOf, type Queryable } from '../queryable';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

/** The users with these ids, in no particular order (ids with no user are left out). */
export async function listUserSummaries(q: Queryable, ids: readonly string[]): Promise<UserSummary[]> {
  const rows = await prismaOf(q).user.findMany({ where: { id: { in: [...ids] } }, select: USER_SUMMARY });
  return rows.map(toUserSummary);
}
