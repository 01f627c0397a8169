import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { findInviteHolder as selectInviteHolder } from '@heinrich/db/auth/find-invite-holder';
import type { Context } from '../context';

/**
 * Whose account an invite token sets the password of, so the accept-invite
 * page can say it. Only for a usable token: any other is one 404 that tells
 * nothing (not whether it was used, expired or never existed).
 */
export async function findInviteHolder(ctx: Context, token: string): Promise<{ name: string; email: string; expiresAt: Date }> {
  const holder = await selectInviteHolder(ctx.db.pool, sha256Hex(token), ctx.now());
  if (!holder) throw new AppError('not_found', 'This invite link is invalid, expired or already used; ask an admin for a new one');
  return holder;
}
