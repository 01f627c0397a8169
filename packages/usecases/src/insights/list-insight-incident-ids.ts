import { classifyIncident, type InsightLevel } from '@heinrich/core/insights/classify-incident';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import { loadFlapRefires } from '@heinrich/db/insights/load-flap-refires';
import { loadIncidentLevels } from '@heinrich/db/insights/load-incident-facts';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { INSIGHTS_READ, periodOf } from './get-insights';

/**
 * The incidents behind one level of the pyramid (GET /api/v1/incidents?insight=&from=&to=):
 * the same facts (their levels) and the same core classification as the report, so the list
 * and the number agree. nearMiss also lists the incidents whose re-fires were
 * folded into a flap in the period (the report counts each re-fire).
 */
export async function listInsightIncidentIds(
  ctx: Context,
  level: InsightLevel,
  ask: { from?: string; to?: string; serviceId?: string },
): Promise<string[]> {
  const now = ctx.now();
  const { period } = periodOf(ask, now);
  const filter: InsightsServiceFilter = { teamIds: null, withTeamless: true, serviceId: ask.serviceId ?? null };
  const from = new Date(period.from);
  const to = new Date(period.to);
  return withTransaction(
    ctx.db.pool,
    async (tx) => {
      const facts = await loadIncidentLevels(tx, from, to, filter);
      const ids = new Set(facts.filter((f) => classifyIncident(f, now.getTime()).level === level).map((f) => f.id));
      if (level === 'nearMiss') for (const r of await loadFlapRefires(tx, from, to, filter)) ids.add(r.incidentId);
      return [...ids];
    },
    // as the report reads them (get-insights.ts)
    { ...INSIGHTS_READ, readOnlySnapshot: true },
  );
}
