import { AppError } from '@heinrich/core/app-error';
import { findTeamSummary } from '@heinrich/db/teams/find-team-summary';
import type { Context } from '../context';
import type { TeamSummary } from './team-summary';

/** The team with its members, or a 404 naming the id. */
export async function getTeam(ctx: Context, id: string): Promise<TeamSummary> {
  const team = await findTeamSummary(ctx.db.pool, id);
  if (!team) throw AppError.notFound('Team', id);
  return team;
}
