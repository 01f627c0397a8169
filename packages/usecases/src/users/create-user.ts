import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertUser } from '@heinrich/db/users/insert-user';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { userSnapshot, type UserSummary } from './user-summary';

export interface NewUser {
  name: string;
  /** trimmed and lower-cased */
  email: string;
  timeZone: string;
  role: 'admin' | 'user';
}

/** A new user, without a password: they set one through an invite (POST /users/{id}/invite). */
export async function createUser(ctx: Context, principal: Principal, input: NewUser): Promise<UserSummary> {
  requireAllowed(principal, 'user.create', { user: input.name });
  try {
    return await withTransaction(ctx.db, async (tx) => {
      const user = await insertUser(tx, input);
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: userSnapshot(user),
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

export function emailTaken(email: string): AppError {
  return new AppError('conflict', `A user with email ${email} already exists`, [{ path: 'email', message: 'is taken by another user' }]);
}
