import type { Principal, TeamRole } from '@heinrich/core/authz/principal';
import type { Context } from '../context';

export interface PrincipalDescription {
  principal: Principal;
  user: { id: string; name: string; email: string; timeZone: string } | null;
  apiKey: { id: string; name: string; role: 'admin' | TeamRole; teamId: string | null } | null;
  /** the caller's team roles, with the teams' names, by name */
  teams: { id: string; name: string; role: TeamRole }[];
}

/** Who the caller is, for GET /api/v1/auth/me (and the answer to signing in). */
export async function describePrincipal(ctx: Context, principal: Principal): Promise<PrincipalDescription> {
  const [user, apiKey, teams] = await Promise.all([
    principal.userId
      ? ctx.db.prisma.user.findUnique({ where: { id: principal.userId }, select: { id: true, name: true, email: true, timeZone: true } })
      : null,
    principal.apiKeyId
      ? ctx.db.prisma.apiKey.findUnique({ where: { id: principal.apiKeyId }, select: { id: true, name: true, role: true, teamId: true } })
      : null,
    ctx.db.prisma.team.findMany({ where: { id: { in: Object.keys(principal.teamRoles) } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    principal,
    user,
    apiKey,
    teams: teams.flatMap((t) => {
      const role = principal.teamRoles[t.id];
      return role ? [{ ...t, role }] : [];
    }),
  };
}
