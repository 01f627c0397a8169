import type { DigestInsights } from '@heinrich/providers/slack/team-digest-message';
import type { Context } from '../context';
import { insightsFor, periodOf } from '../insights/get-insights';

/**
 * The week's insights of one team for its digest: the same report as
 * GET /api/v1/insights?teamId=&from=&to= (one data-access path: insightsFor),
 * over the team's services, the week before the slot against the week before
 * that. The worker has no caller: the team's own services are the scope.
 */
export async function loadDigestInsights(ctx: Context, q: { teamId: string; from: Date; to: Date }): Promise<DigestInsights> {
  const now = ctx.now();
  const { period, previous } = periodOf({ from: q.from.toISOString(), to: q.to.toISOString() }, now);
  return insightsFor(ctx, { teamIds: [q.teamId], withTeamless: false, serviceId: null }, period, previous, now, { teamId: q.teamId, serviceId: null });
}
