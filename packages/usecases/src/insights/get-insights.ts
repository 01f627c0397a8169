import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';
import { buildInsights, type Insights } from '@heinrich/core/insights/build-insights';
import { decidePeriod, type Period } from '@heinrich/core/insights/insights-period';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import { countScopeServices } from '@heinrich/db/insights/count-scope-services';
import { loadFlapRefires } from '@heinrich/db/insights/load-flap-refires';
import { loadGroupOpenings } from '@heinrich/db/insights/load-group-openings';
import { loadIncidentFacts } from '@heinrich/db/insights/load-incident-facts';
import { loadPeriodPeople } from '@heinrich/db/insights/load-period-people';
import type { Context } from '../context';
import { resolveInsightsScope } from './resolve-insights-scope';

export interface InsightsAsk {
  teamId?: string;
  serviceId?: string;
  from?: string;
  to?: string;
}

/** The period asked for, or a 400 naming the field. */
export function periodOf(ask: { from?: string; to?: string }, now: Date): { period: Period; previous: Period } {
  const d = decidePeriod(ask, now.getTime());
  if (!d.ok) throw new AppError('validation_failed', `Query: ${d.field} ${d.message}`, [{ path: d.field, message: d.message }]);
  return d;
}

/**
 * GET /api/v1/insights (docs/insights.md): scope (what the caller may see) ->
 * load the period's and the previous period's incidents, people, flaps and
 * group openings (one read each, in parallel) -> core buildInsights. Computed
 * live: no rollup, so an incident counts as soon as it is committed.
 */
export async function getInsights(ctx: Context, principal: Principal, ask: InsightsAsk): Promise<Insights> {
  const now = ctx.now();
  const { period, previous } = periodOf(ask, now);
  const filter = await resolveInsightsScope(ctx, principal, ask);
  return insightsFor(ctx, filter, period, previous, now, { teamId: ask.teamId ?? null, serviceId: ask.serviceId ?? null });
}

export async function insightsFor(
  ctx: Context,
  filter: InsightsServiceFilter,
  period: Period,
  previous: Period,
  now: Date,
  ask: { teamId: string | null; serviceId: string | null },
): Promise<Insights> {
  const pool = ctx.db.pool;
  const from = new Date(period.from);
  const to = new Date(period.to);
  const [incidents, previousIncidents, flapRefires, previousFlapRefires, people, openings, services] = await Promise.all([
    loadIncidentFacts(pool, from, to, filter),
    loadIncidentFacts(pool, new Date(previous.from), new Date(previous.to), filter),
    loadFlapRefires(pool, from, to, filter),
    loadFlapRefires(pool, new Date(previous.from), new Date(previous.to), filter),
    loadPeriodPeople(pool, from, to, filter),
    loadGroupOpenings(pool, from, to, filter),
    countScopeServices(pool, filter),
  ]);
  return buildInsights({
    now: now.getTime(),
    period,
    previousPeriod: previous,
    incidents,
    previousIncidents,
    flapRefires,
    previousFlapRefires: previousFlapRefires.length,
    people: people.people,
    notified: people.notified,
    openings: openings.openings,
    groupsOpenedBefore: openings.openedBefore,
    scope: { ...ask, services },
  });
}
