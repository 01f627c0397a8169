import { prismaOf, type Queryable } from '../queryable';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

/** The user (without their password hash), for a user that must exist: Prisma's P2025 otherwise. */
export async function getUserSummary(q: Queryable, id: string): Promise<UserSummary> {
  return toUserSummary(await prismaOf(q).user.findUniqueOrThrow({ where: { id }, select: USER_SUMMARY }));
}
