import type { Principal, TeamRole } from '@heinrich/core/authz/principal';
import { findApiKeyProfile } from '@heinrich/db/api-keys/find-api-key-profile';
import { listTeamNames } from '@heinrich/db/teams/list-team-names';
import { findUserProfile } from '@heinrich/db/users/find-user-profile';
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
    principal.userId ? findUserProfile(ctx.db.pool, principal.userId) : null,
    principal.apiKeyId ? findApiKeyProfile(ctx.db.pool, principal.apiKeyId) : null,
    listTeamNames(ctx.db.pool, Object.keys(principal.teamRoles)),
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
