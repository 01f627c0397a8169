import { prismaOf, type Queryable } from '../queryable';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

export interface UserFields {
  name: string;
  email: string;
  timeZone: string;
  role: 'admin' | 'user';
}

/** A new user without a password. A taken email fails as a unique violation (P2002). */
export async function insertUser(q: Queryable, fields: UserFields): Promise<UserSummary> {
  return toUserSummary(await prismaOf(q).user.create({ data: fields, select: USER_SUMMARY }));
}
