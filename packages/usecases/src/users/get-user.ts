import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';
import { USER_SUMMARY, toUserSummary, type UserSummary } from './user-summary';

/** The user, or a 404 naming the id. */
export async function getUser(ctx: Context, id: string): Promise<UserSummary> {
  const user = await ctx.db.prisma.user.findUnique({ where: { id }, select: USER_SUMMARY });
  if (!user) throw AppError.notFound('User', id);
  return toUserSummary(user);
}
