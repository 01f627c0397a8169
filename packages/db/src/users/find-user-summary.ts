import { prismaOf, type Queryable } from '../queryable';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

/** The user (without their password hash), or null when there is no such user. */
export async function findUserSummary(q: Queryable, id: string): Promise<UserSummary | null> {
  const row = await prismaOf(q).user.findUnique({ where: { id }, select: USER_SUMMARY });
  return row ? toUserSummary(row) : null;
}
