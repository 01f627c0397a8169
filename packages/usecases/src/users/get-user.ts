import { AppError } from '@heinrich/core/app-error';
import { findUserSummary } from '@heinrich/db/users/find-user-summary';
import type { Context } from '../context';
import type { UserSummary } from './user-summary';

/** The user, or a 404 naming the id. */
export async function getUser(ctx: Context, id: string): Promise<UserSummary> {
  const user = await findUserSummary(ctx.db.pool, id);
  if (!user) throw AppError.notFound('User', id);
  return user;
}
