import type { IncidentFacts, IncidentLevelFacts } from '@heinrich/core/insights/incident-facts';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams } from './insights-scope-sql';

/** timeline entries that say an escalation entered a step */
const STEP_EVENTS = `'escalation_step', 'escalation_step_skipped', 'escalation_fallback'`;

/** timeline entries that change which of its alerts fire (their data lists the fingerprints) */
const ALERT_EVENTS = `'opened', 'alerts_added', 'alerts_resolved'`;

/** an instant as epoch ms, a float8 (parsed as a number: no Date per value; ms as node-pg's Date would have them) */
const MS = (col: string) => `floor(extract(epoch FROM ${col}) * 1000)::float8`;

/**
 * What insights need of each incident opened in the period (core IncidentFacts),
 * in one statement: each incident's timeline entries, pages and alerts are
 * aggregated by LATERAL subqueries on their incident_id indexes, one small
 * aggregate per incident, so the planner's estimate stays one row per incident
 * (docs/insights.md "Performance": grouping them in CTEs and joining made it
 * estimate 10^9 rows and spend seconds JIT-compiling the plan).
 */
export function loadIncidentFacts(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<IncidentFacts[]> {
  return load(pool, from, to, filter, true);
}

/**
 * The same for the pyramid's counts alone (the previous period's, shown as the
 * trend): what core classifyIncident reads and the deduplicated re-sends, without
 * the pages, the people and the noise key (a third less work).
 */
export function loadIncidentLevels(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<IncidentLevelFacts[]> {
  return load(pool, from, to, filter, false);
}

/** the columns of load's statement, in the order of its JSON arrays */
const COLUMNS = [
  'id', 'number', 'service_id', 'service_name', 'key', 'created_at', 'urgency', 'first_page_at', 'first_ack_at', 'first_resolve_at',
  'first_resolve_actor', 'escalated', 'exhausted', 'held_by_maintenance', 'suppressed', 'held_by_storm', 'silenced', 'paged_users',
  'notified_users', 'notified_at', 'alert_changes', 'deduplicated',
] as const;

/** one row of load's statement */
interface Row {
  id: string;
  number: number;
  service_id: string;
  service_name: string;
  key: string;
  created_at: number;
  urgency: string | null;
  first_page_at: number | null;
  first_ack_at: number | null;
  first_resolve_at: number | null;
  first_resolve_actor: string | null;
  escalated: boolean | null;
  exhausted: boolean | null;
  held_by_maintenance: boolean;
  suppressed: boolean;
  held_by_storm: boolean;
  silenced: boolean;
  paged_users: string[] | null;
  notified_users: string[] | null;
  notified_at: number[] | null;
  alert_changes: [number, boolean, unknown][] | null;
  deduplicated: number | null;
}

async function load(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter, detail: boolean): Promise<IncidentFacts[]> {
  // the rows as one JSON array of arrays (columns in COLUMNS' order): one native JSON.parse instead of node-pg's
  // per-column text parsers and postgres-array (most of the node time and garbage of a report: docs/insights.md "Performance")
  const r = await pool.query<{ rows: unknown[][] | null }>(
    `SELECT json_agg(json_build_array(${COLUMNS.map((c) => `q.${c}`).join(', ')}) ORDER BY q.created_ts, q.number) AS rows FROM (
     SELECT i.created_at AS created_ts, i.id, i.number, i.service_id, s.name AS service_name, ${MS('i.created_at')} AS created_at,
            ${detail ? `COALESCE(al.alertname, i.group_labels->>'alertname', i.title)` : `''`} AS key,
            i.maintenance_until IS NOT NULL OR i.maintenance_window_id IS NOT NULL AS held_by_maintenance,
            i.suppressed_by IS NOT NULL AS suppressed,
            (i.storm_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM storms st WHERE st.id = i.storm_id AND st.started_by_incident_id = i.id)) AS held_by_storm,
            EXISTS (SELECT 1 FROM incident_silences si WHERE si.incident_id = i.id) AS silenced,
            (SELECT esc.urgency FROM incident_escalations esc WHERE esc.incident_id = i.id) AS urgency, ev.first_page_at, ev.first_ack_at, ev.first_resolve_at, ev.first_resolve_actor, ev.escalated, ev.exhausted,
            ev.notified_users, ev.notified_at, ev.alert_changes, ${detail ? 'pg.paged_users' : 'NULL::text[]'} AS paged_users, al.deduplicated
       FROM incidents i
       JOIN services s ON s.id = i.service_id
       CROSS JOIN LATERAL (
         SELECT ${MS("min(e.created_at) FILTER (WHERE e.type = 'notified')")} AS first_page_at,
                ${MS("min(e.created_at) FILTER (WHERE e.type = 'acknowledged' AND COALESCE(e.actor, 'system') <> 'system')")} AS first_ack_at,
                ${MS("min(e.created_at) FILTER (WHERE e.type IN ('resolved', 'flapping_started'))")} AS first_resolve_at,
                (array_agg(e.actor ORDER BY e.seq) FILTER (WHERE e.type IN ('resolved', 'flapping_started')))[1] AS first_resolve_actor,
                bool_or(e.type IN (${STEP_EVENTS}) AND (COALESCE((e.data->>'step')::numeric, 0) > 0 OR COALESCE((e.data->>'pass')::numeric, 0) > 0)) AS escalated,
                bool_or(e.type = 'escalation_exhausted') AS exhausted,
                ${detail ? `array_agg(e.data->>'userId') FILTER (WHERE e.type = 'notified' AND e.data ? 'userId')` : 'NULL::text[]'} AS notified_users,
                ${detail ? `array_agg(${MS('e.created_at')}) FILTER (WHERE e.type = 'notified' AND e.data ? 'userId')` : 'NULL::float8[]'} AS notified_at,
                jsonb_agg(jsonb_build_array(${MS('e.created_at')}, e.type = 'alerts_resolved', e.data->'fingerprints') ORDER BY e.seq)
                  FILTER (WHERE e.type IN (${ALERT_EVENTS})) AS alert_changes
           FROM incident_events e
          WHERE e.incident_id = i.id
            AND e.type IN ('notified', 'acknowledged', 'resolved', 'flapping_started', 'escalation_exhausted', ${STEP_EVENTS}, ${ALERT_EVENTS})
       ) ev
       ${detail ? `CROSS JOIN LATERAL (
         SELECT array_agg(n.user_id::text) FILTER (WHERE n.status = 'sent') AS paged_users FROM notifications n WHERE n.incident_id = i.id
       ) pg` : ''}
       CROSS JOIN LATERAL (
         SELECT ${detail ? `(array_agg(a.labels->>'alertname' ORDER BY a.first_seen_at, a.id) FILTER (WHERE a.labels ? 'alertname'))[1]` : 'NULL'} AS alertname,
                sum(a.dedup_count)::int AS deduplicated
           FROM alerts a WHERE a.incident_id = i.id
       ) al
      WHERE ${INSIGHTS_INCIDENTS_WHERE}
     ) q`,
    insightsParams(from, to, filter),
  );
  return (r.rows[0]?.rows ?? []).map((values) => {
    const row = {} as Record<string, unknown>;
    for (let k = 0; k < COLUMNS.length; k++) row[COLUMNS[k]!] = values[k];
    return toFacts(row as unknown as Row);
  });
}

function toFacts(row: Row): IncidentFacts {
  const notifiedAt = row.notified_at ?? [];
    return {
      id: row.id,
      number: row.number,
      serviceId: row.service_id,
      serviceName: row.service_name,
      key: row.key,
      createdAt: row.created_at,
      urgency: row.urgency === 'high' || row.urgency === 'low' ? row.urgency : null,
      firstPageAt: row.first_page_at,
      firstAckAt: row.first_ack_at,
      firstResolveAt: row.first_resolve_at,
      firstResolveByPerson: row.first_resolve_actor !== null && row.first_resolve_actor !== 'system',
      alertChanges: (row.alert_changes ?? []).map(([at, resolved, fps]) => ({
        at,
        resolved,
        fingerprints: Array.isArray(fps) ? fps.filter((fp): fp is string => typeof fp === 'string') : [],
      })),
      escalatedPastFirstStep: row.escalated === true,
      exhausted: row.exhausted === true,
      heldByMaintenance: row.held_by_maintenance,
      suppressed: row.suppressed,
      heldByStorm: row.held_by_storm,
      silenced: row.silenced,
      pages: row.paged_users?.length ?? 0,
      pagedUserIds: row.paged_users ?? [],
      notified: (row.notified_users ?? []).map((userId, k) => ({ userId, at: notifiedAt[k]! })),
      deduplicated: row.deduplicated ?? 0,
    };
}
