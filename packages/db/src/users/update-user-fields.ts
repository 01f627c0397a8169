import { prismaOf, type Queryable } from '../queryable';
import type { UserFields } from './insert-user';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

/**
 * Sets the fields given (and the password hash when given) and returns the user
 * as it now is. A taken email or Slack member id fails as a unique violation (P2002).
 */
export async function updateUserFields(
  q: Queryable,
  id: string,
  fields: Partial<UserFields> & { slackUserId?: string | null; passwordHash?: string },
): Promise<UserSummary> {
  return toUserSummary(await prismaOf(q).user.update({ where: { id }, data: fields, select: USER_SUMMARY }));
}
