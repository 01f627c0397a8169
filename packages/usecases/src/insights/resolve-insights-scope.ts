import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';
import { decideInsightsScope, insightsVisibility, type InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import { selectServiceOwner } from '@heinrich/db/services/select-service-owner';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import type { Context } from '../context';

/** load (the team, the service) -> core decideInsightsScope: the services a caller's report covers, or 403/404. */
export async function resolveInsightsScope(ctx: Context, principal: Principal, ask: { teamId?: string; serviceId?: string }): Promise<InsightsServiceFilter> {
  const team = ask.teamId ? await findTeamRef(ctx.db.pool, ask.teamId) : undefined;
  if (ask.teamId && !team) throw new AppError('not_found', `Team ${ask.teamId} does not exist`, [{ path: 'teamId', message: 'no such team' }]);
  const service = ask.serviceId ? await selectServiceOwner(ctx.db.pool, ask.serviceId) : undefined;
  if (ask.serviceId && !service) throw new AppError('not_found', `Service ${ask.serviceId} does not exist`, [{ path: 'serviceId', message: 'no such service' }]);
  const decision = decideInsightsScope(insightsVisibility(principal), { ...(team ? { team } : {}), ...(service ? { service } : {}) });
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
  return decision.filter;
}
