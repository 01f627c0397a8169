import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';

/**
 * The incident list's "assigned to me" and "my teams" (and one team) as the
 * database filters them. `assigned=me` needs a person: an API key is no one (a 400
 * naming `assigned`). "My teams" are the teams the caller belongs to, in any
 * role; an API key with a team role in every team has them all.
 */
export function mineFilters(
  principal: Principal,
  query: { assigned?: 'me' | undefined; teams?: 'mine' | undefined; teamId?: string | undefined },
): { onUserId?: string; teamIds?: string[] } {
  const out: { onUserId?: string; teamIds?: string[] } = {};
  if (query.assigned === 'me') {
    if (!principal.userId) {
      const message = 'needs a signed-in user: an API key is assigned nothing';
      throw new AppError('validation_failed', `Query is invalid: assigned ${message}`, [{ path: 'assigned', message }]);
    }
    out.onUserId = principal.userId;
  }
  const mine = query.teams === 'mine' && !principal.everyTeamRole ? Object.keys(principal.teamRoles) : undefined;
  if (query.teamId) out.teamIds = mine ? mine.filter((t) => t === query.teamId) : [query.teamId];
  else if (mine) out.teamIds = mine;
  return out;
}
