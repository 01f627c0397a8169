import type { GroupOpening } from '@heinrich/core/insights/build-insights';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams } from './insights-scope-sql';
import { FLAP_LOOKBACK_DAYS } from './load-flap-refires';

/** groups with fewer openings in the period than this cannot recur (core RECURRING_REOPENINGS) */
const MIN_OPENINGS = 3;

/**
 * For the recurring table: every opening in the period of the alert groups
 * opened at least 3 times in it — new incidents (created_at) and flap re-opens
 * (`flap_reopened`) — and which of those groups had an incident before the period.
 * Manual and heartbeat incidents are not alert groups.
 */
export async function loadGroupOpenings(
  pool: pg.Pool | pg.PoolClient,
  from: Date,
  to: Date,
  filter: InsightsServiceFilter,
): Promise<{ openings: GroupOpening[]; openedBefore: Set<string> }> {
  const params = insightsParams(new Date(from.getTime() - FLAP_LOOKBACK_DAYS * 86_400_000), to, filter);
  const r = await pool.query<{
    service_id: string;
    service_name: string;
    group_key_hash: string;
    group_key: string;
    title: string;
    incident_id: string;
    number: number;
    at: Date;
    kind: 'opened' | 'reopened';
    before: boolean;
  }>(
    `WITH inc AS MATERIALIZED (
       SELECT i.id, i.number, i.service_id, s.name AS service_name, i.group_key_hash, i.group_key, i.title, i.created_at
         FROM incidents i JOIN services s ON s.id = i.service_id
        WHERE ${INSIGHTS_INCIDENTS_WHERE}
          AND i.group_key NOT LIKE 'manual:%' AND i.group_key NOT LIKE 'heartbeat:%'
     ), opening AS (
       SELECT inc.*, inc.created_at AS at, 'opened' AS kind FROM inc WHERE inc.created_at >= $6
       UNION ALL
       SELECT inc.*, e.created_at AS at, 'reopened' AS kind
         FROM incident_events e JOIN inc ON inc.id = e.incident_id
        WHERE e.incident_id IN (SELECT id FROM inc) AND e.type = 'flap_reopened' AND e.created_at >= $6 AND e.created_at < $2
     ), recurring AS (
       SELECT service_id, group_key_hash FROM opening GROUP BY service_id, group_key_hash HAVING count(*) >= ${MIN_OPENINGS}
     )
     SELECT o.service_id, o.service_name, o.group_key_hash, o.group_key, o.title, o.id AS incident_id, o.number, o.at, o.kind,
            EXISTS (SELECT 1 FROM incidents p WHERE p.service_id = o.service_id AND p.group_key_hash = o.group_key_hash
                       AND p.created_at < $6 AND NOT p.is_test) AS before
       FROM opening o JOIN recurring g ON g.service_id = o.service_id AND g.group_key_hash = o.group_key_hash
      ORDER BY o.at`,
    [...params, from],
  );
  const openedBefore = new Set<string>();
  const openings = r.rows.map((row): GroupOpening => {
    if (row.before) openedBefore.add(`${row.service_id}\u0000${row.group_key_hash}`);
    return {
      serviceId: row.service_id,
      serviceName: row.service_name,
      groupKeyHash: row.group_key_hash,
      groupKey: row.group_key,
      title: row.title,
      incidentId: row.incident_id,
      number: row.number,
      at: row.at.getTime(),
      kind: row.kind,
    };
  });
  return { openings, openedBefore };
}
