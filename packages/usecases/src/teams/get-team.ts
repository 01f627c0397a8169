import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';
import { TEAM_SUMMARY, type TeamSummary } from './team-summary';

/** The team with its members, or a 404 naming the id. */
export async function getTeam(ctx: Context, id: string): Promise<TeamSummary> {
  const team = await ctx.db.prisma.team.findUnique({ where: { id }, select: TEAM_SUMMARY });
  if (!team) throw AppError.notFound('Team', id);
  return team;
}
