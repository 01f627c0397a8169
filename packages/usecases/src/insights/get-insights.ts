import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';
import { buildInsights, type Insights } from '@heinrich/core/insights/build-insights';
import { decidePeriod, type Period } from '@heinrich/core/insights/insights-period';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import { countScopeServices } from '@heinrich/db/insights/count-scope-services';
import { loadFlapRefires } from '@heinrich/db/insights/load-flap-refires';
import { loadGroupOpenings } from '@heinrich/db/insights/load-group-openings';
import { loadIncidentFacts, loadIncidentLevels } from '@heinrich/db/insights/load-incident-facts';
import { loadInsightsPeople } from '@heinrich/db/insights/load-insights-people';
import { withSharedSnapshot } from '@heinrich/db/with-transaction';
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
 * group openings -> core buildInsights. Computed
 * live: no rollup, so an incident counts as soon as it is committed.
 */
export async function getInsights(ctx: Context, principal: Principal, ask: InsightsAsk): Promise<Insights> {
  const now = ctx.now();
  const { period, previous } = periodOf(ask, now);
  const filter = await resolveInsightsScope(ctx, principal, ask);
  return insightsFor(ctx, filter, period, previous, now, { teamId: ask.teamId ?? null, serviceId: ask.serviceId ?? null });
}

/** a report of the longest period over everything is bigger than the pool's 5 s statement timeout allows for */
const INSIGHTS_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * How the report's reads run (docs/insights.md "Performance"): thousands of
 * small index lookups, so no JIT (its estimated cost would compile the plan
 * for seconds) and no bitmap scans (one per lookup of a few rows), and a longer
 * statement timeout.
 */
export const INSIGHTS_READ = { jit: false, bitmapScan: false, statementTimeoutMs: INSIGHTS_STATEMENT_TIMEOUT_MS } as const;

/**
 * The report of `period` over the services of `filter`, read on two connections
 * in parallel that share one read-only snapshot (its tables agree with each
 * other): on one the period's incidents and their people, on the other the
 * previous period's levels (only its counts are shown, as the trend), the flap
 * re-fires, the group openings and the services; both as INSIGHTS_READ says
 * (docs/insights.md "Performance"); then core buildInsights.
 */
export async function insightsFor(
  ctx: Context,
  filter: InsightsServiceFilter,
  period: Period,
  previous: Period,
  now: Date,
  ask: { teamId: string | null; serviceId: string | null },
): Promise<Insights> {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const [loaded, rest] = await withSharedSnapshot(
    ctx.db.pool,
    async (tx) => {
      const incidents = await loadIncidentFacts(tx, from, to, filter);
      const users = await loadInsightsPeople(tx, incidents.flatMap((f) => [...f.pagedUserIds, ...f.notified.map((n) => n.userId)]));
      return { incidents, users };
    },
    async (tx) => {
      const previousIncidents = await loadIncidentLevels(tx, new Date(previous.from), new Date(previous.to), filter);
      const previousFlapRefires = await loadFlapRefires(tx, new Date(previous.from), new Date(previous.to), filter);
      const flapRefires = await loadFlapRefires(tx, from, to, filter);
      const openings = await loadGroupOpenings(tx, from, to, filter);
      const services = await countScopeServices(tx, filter);
      return { previousIncidents, previousFlapRefires, flapRefires, openings, services };
    },
    INSIGHTS_READ,
  );
  return buildInsights({
    now: now.getTime(),
    period,
    previousPeriod: previous,
    incidents: loaded.incidents,
    previousIncidents: rest.previousIncidents,
    flapRefires: rest.flapRefires,
    previousFlapRefires: rest.previousFlapRefires.length,
    users: loaded.users,
    openings: rest.openings.openings,
    groupsOpenedBefore: rest.openings.openedBefore,
    scope: { ...ask, services: rest.services },
  });
}
