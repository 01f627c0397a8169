import type { GroupOpening } from '@heinrich/core/insights/build-insights';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, INSIGHTS_SCOPE_WHERE, insightsParams } from './insights-scope-sql';

/** groups with fewer openings in the period than this cannot recur (core RECURRING_REOPENINGS) */
const MIN_OPENINGS = 3;
/** manual and heartbeat incidents are not alert groups */
const ALERT_GROUP = `i.group_key NOT LIKE 'manual:%' AND i.group_key NOT LIKE 'heartbeat:%'`;

/**
 * For the recurring table: every opening in the period of the alert groups
 * opened at least 3 times in it — new incidents (created_at) and flap re-opens
 * (`flap_reopened` timeline entries of the period, found by type and time) — and
 * which of those groups had an incident before the period (asked once per group).
 * Manual and heartbeat incidents are not alert groups.
 */
export async function loadGroupOpenings(
  pool: pg.Pool | pg.PoolClient,
  from: Date,
  to: Date,
  filter: InsightsServiceFilter,
): Promise<{ openings: GroupOpening[]; openedBefore: Set<string> }> {
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
    `WITH opening AS (
       SELECT i.id, i.number, i.service_id, s.name AS service_name, i.group_key_hash, i.group_key, i.title, i.created_at AS at, 'opened' AS kind
         FROM incidents i JOIN services s ON s.id = i.service_id
        WHERE ${INSIGHTS_INCIDENTS_WHERE} AND ${ALERT_GROUP}
       UNION ALL
       SELECT i.id, i.number, i.service_id, s.name, i.group_key_hash, i.group_key, i.title, e.created_at, 'reopened'
         FROM incident_events e JOIN incidents i ON i.id = e.incident_id JOIN services s ON s.id = i.service_id
        WHERE e.type = 'flap_reopened' AND e.created_at >= $1 AND e.created_at < $2 AND ${INSIGHTS_SCOPE_WHERE} AND ${ALERT_GROUP}
     ), recurring AS (
       SELECT o.service_id, o.group_key_hash,
              EXISTS (SELECT 1 FROM incidents p WHERE p.service_id = o.service_id AND p.group_key_hash = o.group_key_hash
                         AND p.created_at < $1 AND NOT p.is_test) AS before
         FROM opening o GROUP BY o.service_id, o.group_key_hash HAVING count(*) >= ${MIN_OPENINGS}
     )
     SELECT o.service_id, o.service_name, o.group_key_hash, o.group_key, o.title, o.id AS incident_id, o.number, o.at, o.kind, g.before
       FROM opening o JOIN recurring g ON g.service_id = o.service_id AND g.group_key_hash = o.group_key_hash
      ORDER BY o.at`,
    insightsParams(from, to, filter),
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
