import { AppError } from '@heinrich/core/app-error';
import type { UserRef } from '@heinrich/core/authz/authorize';
import type { Queryable } from '@heinrich/db/queryable';
import { findUserRef } from '@heinrich/db/users/find-user-ref';

/** The person whose contact methods or rules these are, or a 404 naming the id. */
export async function personalOwner(q: Queryable, userId: string): Promise<UserRef> {
  const user = await findUserRef(q, userId);
  if (!user) throw AppError.notFound('User', userId);
  return user;
}
