import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findUserContact } from '@heinrich/db/users/find-user-contact';
import { replaceUserInvite } from '@heinrich/db/users/replace-user-invite';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';

/** How long an invite link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A one-time link with which the user sets a password: a random 32-byte token,
 * returned here only; the database keeps its SHA-256. A new invite replaces the
 * user's unused ones. Inviting a user who has a password is how an admin resets
 * it: accepting sets the new one and signs out their sessions.
 */
export async function inviteUser(ctx: Context, principal: Principal, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  return withTransaction(ctx.db, async (tx) => {
    const user = await findUserContact(tx, userId);
    if (!user) throw AppError.notFound('User', userId);
    requireAllowed(principal, 'user.invite', { user });
    const invite = await replaceUserInvite(tx, { userId, tokenHash: sha256Hex(token), createdBy: principalId(principal), createdAt: now, expiresAt });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'user.invite',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: { inviteId: invite.id, email: user.email, expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt };
  });
}
