import type { IncidentFacts } from '@heinrich/core/insights/incident-facts';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams, NOISE_KEY_SQL } from './insights-scope-sql';

/** timeline entries that say an escalation entered a step */
const STEP_EVENTS = `('escalation_step', 'escalation_step_skipped', 'escalation_fallback')`;

/**
 * What insights need of each incident opened in the period (core IncidentFacts):
 * one statement; the timeline, pages, alerts and silences are aggregated per
 * incident over the period's incidents only (by their incident_id indexes).
 */
export async function loadIncidentFacts(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<IncidentFacts[]> {
  const r = await pool.query<{
    id: string;
    number: number;
    service_id: string;
    service_name: string;
    group_key_hash: string;
    group_key: string;
    title: string;
    key: string;
    created_at: Date;
    urgency: string | null;
    first_page_at: Date | null;
    first_ack_at: Date | null;
    first_resolve_at: Date | null;
    first_resolve_actor: string | null;
    escalated: boolean | null;
    exhausted: boolean | null;
    held_by_maintenance: boolean;
    suppressed: boolean;
    held_by_storm: boolean;
    silenced: boolean;
    pages: number | null;
    deduplicated: number | null;
  }>(
    `WITH inc AS MATERIALIZED (
       SELECT i.id, i.number, i.service_id, s.name AS service_name, i.group_key_hash, i.group_key, i.title, i.created_at,
              ${NOISE_KEY_SQL} AS key,
              i.maintenance_until IS NOT NULL OR i.maintenance_window_id IS NOT NULL AS held_by_maintenance,
              i.suppressed_by IS NOT NULL AS suppressed,
              (i.storm_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM storms st WHERE st.id = i.storm_id AND st.started_by_incident_id = i.id)) AS held_by_storm
         FROM incidents i JOIN services s ON s.id = i.service_id
        WHERE ${INSIGHTS_INCIDENTS_WHERE}
     ), ev AS (
       SELECT e.incident_id,
              min(e.created_at) FILTER (WHERE e.type = 'notified') AS first_page_at,
              min(e.created_at) FILTER (WHERE e.type = 'acknowledged' AND COALESCE(e.actor, 'system') <> 'system') AS first_ack_at,
              min(e.created_at) FILTER (WHERE e.type IN ('resolved', 'flapping_started')) AS first_resolve_at,
              (array_agg(e.actor ORDER BY e.seq) FILTER (WHERE e.type IN ('resolved', 'flapping_started')))[1] AS first_resolve_actor,
              bool_or(e.type IN ${STEP_EVENTS} AND (COALESCE((e.data->>'step')::numeric, 0) > 0 OR COALESCE((e.data->>'pass')::numeric, 0) > 0)) AS escalated,
              bool_or(e.type = 'escalation_exhausted') AS exhausted
         FROM incident_events e
        WHERE e.incident_id IN (SELECT id FROM inc)
          AND e.type IN ('notified', 'acknowledged', 'resolved', 'flapping_started', 'escalation_exhausted', ${STEP_EVENTS.slice(1, -1)})
        GROUP BY e.incident_id
     ), pg AS (
       SELECT n.incident_id, count(*) FILTER (WHERE n.status = 'sent')::int AS pages
         FROM notifications n WHERE n.incident_id IN (SELECT id FROM inc) GROUP BY n.incident_id
     ), al AS (
       SELECT a.incident_id, sum(a.dedup_count)::int AS deduplicated
         FROM alerts a WHERE a.incident_id IN (SELECT id FROM inc) GROUP BY a.incident_id
     )
     SELECT inc.*, esc.urgency, ev.first_page_at, ev.first_ack_at, ev.first_resolve_at, ev.first_resolve_actor, ev.escalated, ev.exhausted,
            EXISTS (SELECT 1 FROM incident_silences si WHERE si.incident_id = inc.id) AS silenced,
            pg.pages, al.deduplicated
       FROM inc
       LEFT JOIN incident_escalations esc ON esc.incident_id = inc.id
       LEFT JOIN ev ON ev.incident_id = inc.id
       LEFT JOIN pg ON pg.incident_id = inc.id
       LEFT JOIN al ON al.incident_id = inc.id
      ORDER BY inc.created_at, inc.number`,
    insightsParams(from, to, filter),
  );
  return r.rows.map((row) => ({
    id: row.id,
    number: row.number,
    serviceId: row.service_id,
    serviceName: row.service_name,
    groupKeyHash: row.group_key_hash,
    groupKey: row.group_key,
    title: row.title,
    key: row.key,
    createdAt: row.created_at.getTime(),
    urgency: row.urgency === 'high' || row.urgency === 'low' ? row.urgency : null,
    firstPageAt: row.first_page_at?.getTime() ?? null,
    firstAckAt: row.first_ack_at?.getTime() ?? null,
    firstResolveAt: row.first_resolve_at?.getTime() ?? null,
    firstResolveByPerson: row.first_resolve_actor !== null && row.first_resolve_actor !== 'system',
    escalatedPastFirstStep: row.escalated === true,
    exhausted: row.exhausted === true,
    heldByMaintenance: row.held_by_maintenance,
    suppressed: row.suppressed,
    heldByStorm: row.held_by_storm,
    silenced: row.silenced,
    pages: row.pages ?? 0,
    deduplicated: row.deduplicated ?? 0,
  }));
}
