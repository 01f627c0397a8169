import type { FlapRefire } from '@heinrich/core/insights/build-insights';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_SCOPE_WHERE, insightsParams, NOISE_KEY_SQL } from './insights-scope-sql';

/**
 * Re-fires folded into a flap in the period (`flap_suppressed` and `flap_reopened`
 * timeline entries, docs/noise.md "Flapping"), by when they happened, of the
 * scope's incidents whenever they opened. Found by type and time
 * (incident_events (type, created_at)), so the period's few re-fires are read,
 * not every incident's timeline.
 */
export async function loadFlapRefires(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<FlapRefire[]> {
  const r = await pool.query<{ incident_id: string; service_id: string; service_name: string; key: string; at: Date }>(
    `SELECT e.incident_id, i.service_id, s.name AS service_name, e.created_at AS at, ${NOISE_KEY_SQL} AS key
       FROM incident_events e
       JOIN incidents i ON i.id = e.incident_id
       JOIN services s ON s.id = i.service_id
      WHERE e.type IN ('flap_suppressed', 'flap_reopened') AND e.created_at >= $1 AND e.created_at < $2
        AND ${INSIGHTS_SCOPE_WHERE}
      ORDER BY e.created_at, e.seq`,
    insightsParams(from, to, filter),
  );
  return r.rows.map((row) => ({ incidentId: row.incident_id, serviceId: row.service_id, serviceName: row.service_name, key: row.key, at: row.at.getTime() }));
}
