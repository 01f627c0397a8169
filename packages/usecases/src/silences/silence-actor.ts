import { AppError } from '@heinrich/core/app-error';
import { actorOf, type Actor, type Principal } from '@heinrich/core/authz/principal';
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
    const user = p.userId ? await ctx.db.prisma.user.findUnique({ where: { id: p.userId }, select: { email: true } }) : null;
    return { principal: p, actor: actorOf(p), createdBy: user ? `${p.display} <${user.email}>` : p.display };
  }
  if (!who.userId) throw new AppError('unauthenticated', 'Silencing needs a user or an authenticated caller');
  const user = await ctx.db.prisma.user.findUnique({
    where: { id: who.userId },
    select: { id: true, name: true, email: true, role: true, teams: { select: { teamId: true, role: true } } },
  });
  if (!user) throw AppError.notFound('User', who.userId);
  const principal: Principal = {
    kind: 'session',
    userId: user.id,
    role: user.role,
    teamRoles: Object.fromEntries(user.teams.map((t) => [t.teamId, t.role])),
    display: user.name,
    via,
  };
  return { principal, actor: actorOf(principal), createdBy: `${user.name} <${user.email}>` };
}
