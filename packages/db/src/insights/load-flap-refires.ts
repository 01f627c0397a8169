import type { FlapRefire } from '@heinrich/core/insights/build-insights';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams, NOISE_KEY_SQL } from './insights-scope-sql';

/** how far before the period an incident may have opened and still flap in it */
export const FLAP_LOOKBACK_DAYS = 30;

/**
 * Re-fires folded into a flap in the period (`flap_suppressed` and `flap_reopened`
 * timeline entries, docs/noise.md "Flapping"), by when they happened. They are
 * looked for on the incidents opened in the period or in the 30 days before it
 * (through the timeline's incident index; an incident flapping longer is rare).
 */
export async function loadFlapRefires(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<FlapRefire[]> {
  const params = insightsParams(new Date(from.getTime() - FLAP_LOOKBACK_DAYS * 86_400_000), to, filter);
  const r = await pool.query<{ incident_id: string; service_id: string; service_name: string; key: string; at: Date }>(
    `WITH inc AS MATERIALIZED (
       SELECT i.id, i.service_id, s.name AS service_name FROM incidents i JOIN services s ON s.id = i.service_id
        WHERE ${INSIGHTS_INCIDENTS_WHERE}
     ), refire AS (
       SELECT e.incident_id, e.created_at FROM incident_events e
        WHERE e.incident_id IN (SELECT id FROM inc) AND e.type IN ('flap_suppressed', 'flap_reopened')
          AND e.created_at >= $6 AND e.created_at < $2
     )
     SELECT r.incident_id, inc.service_id, inc.service_name, r.created_at AS at,
            (SELECT ${NOISE_KEY_SQL} FROM incidents i WHERE i.id = r.incident_id) AS key
       FROM refire r JOIN inc ON inc.id = r.incident_id
      ORDER BY r.created_at`,
    [...params, from],
  );
  return r.rows.map((row) => ({ incidentId: row.incident_id, serviceId: row.service_id, serviceName: row.service_name, key: row.key, at: row.at.getTime() }));
}
