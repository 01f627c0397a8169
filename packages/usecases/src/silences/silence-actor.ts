import { AppError } from '@heinrich/core/app-error';
import { actorOf, type Actor, type Principal } from '@heinrich/core/authz/principal';
import { findSlackLinkedUserById } from '@heinrich/db/slack/find-user-by-slack-id';
import { findUserProfile } from '@heinrich/db/users/find-user-profile';
import type { Context } from '../context';

export interface SilenceActor {
  principal: Principal;
  actor: Actor;
  /** Alertmanager's createdBy: "Alice <alice@example.com>", or the key's name */
  createdBy: string;
}

/**
 * Who silences: the API caller as authenticated, or a Heinrich user acting
 * from elsewhere (a Slack click by a linked user) with their roles as of now.
 */
export async function silenceActor(ctx: Context, who: { principal?: Principal; userId?: string }, via: string): Promise<SilenceActor> {
  if (who.principal) {
    const p = { ...who.principal, via };
    const user = p.userId ? await findUserProfile(ctx.db.pool, p.userId) : null;
    return { principal: p, actor: actorOf(p), createdBy: user ? `${p.display} <${user.email}>` : p.display };
  }
  if (!who.userId) throw new AppError('unauthenticated', 'Silencing needs a user or an authenticated caller');
  const user = await findSlackLinkedUserById(ctx.db.pool, who.userId);
  if (!user) throw AppError.notFound('User', who.userId);
  const principal: Principal = {
    kind: 'session',
    userId: user.userId,
    role: user.role,
    teamRoles: user.teamRoles,
    display: user.name,
    via,
  };
  return { principal, actor: actorOf(principal), createdBy: `${user.name} <${user.email}>` };
}
