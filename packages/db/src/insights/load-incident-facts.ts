import type { AlertChange } from '@heinrich/core/insights/alerts-all-resolved';
import type { IncidentFacts, IncidentLevelFacts } from '@heinrich/core/insights/incident-facts';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams } from './insights-scope-sql';

/** timeline entries that say an escalation entered a step */
const STEP_EVENTS = `'escalation_step', 'escalation_step_skipped', 'escalation_fallback'`;

/** timeline entries that change which of its alerts fire (their data lists the fingerprints) */
const ALERT_EVENTS = `'opened', 'alerts_added', 'alerts_resolved'`;

/**
 * An instant as epoch ms, a float8 (parsed as a number: no Date per value), the
 * millisecond node-pg's Date would have. `date_part` is float8 arithmetic
 * (`extract` is numeric since Postgres 14 and cost a tenth of the statement); a
 * float8 of epoch seconds holds the microseconds to within 0.25 µs, so adding half
 * a microsecond before `floor` gives the exact millisecond.
 */
const MS = (col: string) => `floor(date_part('epoch', ${col}) * 1000 + 0.0005)`;

/**
 * What insights need of each incident opened in the period (core IncidentFacts),
 * in one statement: each incident's timeline entries, pages and alerts are
 * aggregated by LATERAL subqueries on their incident_id indexes, one small
 * aggregate per incident, so the planner's estimate stays one row per incident
 * (docs/insights.md "Performance": grouping them in CTEs and joining made it
 * estimate 10^9 rows and spend seconds JIT-compiling the plan).
 */
export async function loadIncidentFacts(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter): Promise<IncidentFacts[]> {
  return (await load(pool, from, to, filter, DETAIL)).map(toFacts);
}

/**
 * What core classifyIncident reads of each incident, its id and its deduplicated
 * re-sends (the previous period's pyramid, shown as the trend; the incidents
 * behind a level): no pages, people, noise key nor acknowledgements, so less to
 * aggregate and to send.
 */
export async function loadIncidentLevels(
  pool: pg.Pool | pg.PoolClient,
  from: Date,
  to: Date,
  filter: InsightsServiceFilter,
): Promise<(IncidentLevelFacts & { id: string; number: number })[]> {
  return (await load(pool, from, to, filter, LEVELS)).map(toLevelFacts);
}

/** the columns classifyIncident needs and the incident's id and number, first in both statements (toLevelFacts reads them at the same places) */
const LEVELS = [
  'id', 'number', 'created_at', 'urgency', 'first_page_at', 'first_resolve_at', 'first_resolve_actor', 'alert_changes', 'escalated',
  'held_by_maintenance', 'suppressed', 'held_by_storm', 'silenced', 'deduplicated',
] as const;
/** and the rest of IncidentFacts */
const DETAIL = [
  ...LEVELS, 'service_id', 'service_name', 'key', 'first_ack_at', 'exhausted', 'paged_users', 'notified_users', 'notified_at',
] as const;
type Column = (typeof DETAIL)[number];
/** where each column is in a statement's JSON arrays */
const AT = Object.fromEntries(DETAIL.map((c, k) => [c, k])) as Record<Column, number>;

/** each column's SQL over `i` (incidents), `s` (its service) and the laterals `ev` (timeline), `pg` (pages), `al` (alerts) */
const COLUMN_SQL: Record<Column, string> = {
  id: 'i.id',
  number: 'i.number',
  service_id: 'i.service_id',
  service_name: 's.name',
  key: `COALESCE(al.alertname, i.group_labels->>'alertname', i.title)`,
  created_at: MS('i.created_at'),
  urgency: '(SELECT esc.urgency FROM incident_escalations esc WHERE esc.incident_id = i.id)',
  first_page_at: 'ev.first_page_at',
  first_ack_at: 'ev.first_ack_at',
  first_resolve_at: 'ev.first_resolve_at',
  first_resolve_actor: 'ev.first_resolve_actor',
  escalated: 'ev.escalated',
  exhausted: 'ev.exhausted',
  held_by_maintenance: 'i.maintenance_until IS NOT NULL OR i.maintenance_window_id IS NOT NULL',
  suppressed: 'i.suppressed_by IS NOT NULL',
  held_by_storm: '(i.storm_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM storms st WHERE st.id = i.storm_id AND st.started_by_incident_id = i.id))',
  // not a correlated EXISTS: one hashed set of the (few) silenced incidents, instead of a lookup per incident
  silenced: 'i.id IN (SELECT si.incident_id FROM incident_silences si)',
  paged_users: 'pg.paged_users',
  notified_users: 'ev.notified_users',
  notified_at: 'ev.notified_at',
  alert_changes: 'ev.alert_changes',
  deduplicated: 'al.deduplicated',
};

/** the timeline aggregates (`ev`): those of the levels, and with `detail` those of the rest */
function timelineAggregates(detail: boolean): string {
  const levels = [
    `${MS("min(e.created_at) FILTER (WHERE e.type = 'notified')")} AS first_page_at`,
    `${MS("min(e.created_at) FILTER (WHERE e.type IN ('resolved', 'flapping_started'))")} AS first_resolve_at`,
    `(array_agg(e.actor ORDER BY e.seq) FILTER (WHERE e.type IN ('resolved', 'flapping_started')))[1] AS first_resolve_actor`,
    `bool_or(e.type IN (${STEP_EVENTS}) AND (COALESCE((e.data->>'step')::numeric, 0) > 0 OR COALESCE((e.data->>'pass')::numeric, 0) > 0)) AS escalated`,
    `json_agg(json_build_array(${MS('e.created_at')}, e.type = 'alerts_resolved', e.data->'fingerprints') ORDER BY e.seq)
       FILTER (WHERE e.type IN (${ALERT_EVENTS})) AS alert_changes`,
  ];
  const rest = [
    `${MS("min(e.created_at) FILTER (WHERE e.type = 'acknowledged' AND COALESCE(e.actor, 'system') <> 'system')")} AS first_ack_at`,
    `bool_or(e.type = 'escalation_exhausted') AS exhausted`,
    `array_agg(e.data->>'userId') FILTER (WHERE e.type = 'notified' AND e.data ? 'userId') AS notified_users`,
    `array_agg(${MS('e.created_at')}) FILTER (WHERE e.type = 'notified' AND e.data ? 'userId') AS notified_at`,
  ];
  return (detail ? [...levels, ...rest] : levels).join(',\n                ');
}

async function load(pool: pg.Pool | pg.PoolClient, from: Date, to: Date, filter: InsightsServiceFilter, columns: readonly Column[]): Promise<unknown[][]> {
  const detail = columns === DETAIL;
  // the rows as one JSON array of arrays (columns in `columns`' order): one native JSON.parse instead of node-pg's
  // per-column text parsers and postgres-array (most of the node time and garbage of a report: docs/insights.md "Performance")
  const r = await pool.query<{ rows: unknown[][] | null }>(
    `SELECT json_agg(json_build_array(${columns.map((c) => COLUMN_SQL[c]).join(', ')})) AS rows
       FROM incidents i
       JOIN services s ON s.id = i.service_id
       CROSS JOIN LATERAL (
         SELECT ${timelineAggregates(detail)}
           FROM incident_events e
          WHERE e.incident_id = i.id
            AND e.type IN ('notified', 'resolved', 'flapping_started', ${STEP_EVENTS}, ${ALERT_EVENTS}${detail ? `, 'acknowledged', 'escalation_exhausted'` : ''})
       ) ev
       ${
         detail
           ? `CROSS JOIN LATERAL (
         SELECT array_agg(n.user_id::text) FILTER (WHERE n.status = 'sent') AS paged_users FROM notifications n WHERE n.incident_id = i.id
       ) pg`
           : ''
       }
       CROSS JOIN LATERAL (
         SELECT ${detail ? `(array_agg(a.labels->>'alertname' ORDER BY a.first_seen_at, a.id) FILTER (WHERE a.labels ? 'alertname'))[1]` : 'NULL'} AS alertname,
                sum(a.dedup_count)::int AS deduplicated
           FROM alerts a WHERE a.incident_id = i.id
       ) al
      WHERE ${INSIGHTS_INCIDENTS_WHERE}`,
    insightsParams(from, to, filter),
  );
  // in the order they opened: sorted here, not by json_agg's ORDER BY (a sort of the built arrays, a tenth of the statement)
  return (r.rows[0]?.rows ?? []).sort((a, b) => num(a, 'created_at') - num(b, 'created_at') || num(a, 'number') - num(b, 'number'));
}

type Values = unknown[];
const str = (v: Values, c: Column) => v[AT[c]] as string;
const num = (v: Values, c: Column) => v[AT[c]] as number;
const numOrNull = (v: Values, c: Column) => v[AT[c]] as number | null;
const bool = (v: Values, c: Column) => v[AT[c]] === true;
const list = <T>(v: Values, c: Column) => (v[AT[c]] as T[] | null) ?? [];

function alertChanges(v: Values): AlertChange[] {
  return list<[number, boolean, unknown]>(v, 'alert_changes').map(([at, resolved, fps]) => ({
    at,
    resolved,
    fingerprints: Array.isArray(fps) ? fps.filter((fp): fp is string => typeof fp === 'string') : [],
  }));
}

function urgency(v: Values): 'high' | 'low' | null {
  const u = v[AT.urgency];
  return u === 'high' || u === 'low' ? u : null;
}

function firstResolveByPerson(v: Values): boolean {
  const actor = v[AT.first_resolve_actor];
  return actor !== null && actor !== 'system';
}

function toLevelFacts(v: Values): IncidentLevelFacts & { id: string; number: number } {
  return {
    id: str(v, 'id'),
    number: num(v, 'number'),
    createdAt: num(v, 'created_at'),
    urgency: urgency(v),
    firstPageAt: numOrNull(v, 'first_page_at'),
    firstResolveAt: numOrNull(v, 'first_resolve_at'),
    firstResolveByPerson: firstResolveByPerson(v),
    alertChanges: alertChanges(v),
    escalatedPastFirstStep: bool(v, 'escalated'),
    heldByMaintenance: bool(v, 'held_by_maintenance'),
    suppressed: bool(v, 'suppressed'),
    heldByStorm: bool(v, 'held_by_storm'),
    silenced: bool(v, 'silenced'),
    deduplicated: numOrNull(v, 'deduplicated') ?? 0,
  };
}

function toFacts(v: Values): IncidentFacts {
  const pagedUserIds = list<string>(v, 'paged_users');
  const notifiedAt = list<number>(v, 'notified_at');
  return {
    id: str(v, 'id'),
    number: num(v, 'number'),
    serviceId: str(v, 'service_id'),
    serviceName: str(v, 'service_name'),
    key: str(v, 'key'),
    createdAt: num(v, 'created_at'),
    urgency: urgency(v),
    firstPageAt: numOrNull(v, 'first_page_at'),
    firstAckAt: numOrNull(v, 'first_ack_at'),
    firstResolveAt: numOrNull(v, 'first_resolve_at'),
    firstResolveByPerson: firstResolveByPerson(v),
    alertChanges: alertChanges(v),
    escalatedPastFirstStep: bool(v, 'escalated'),
    exhausted: bool(v, 'exhausted'),
    heldByMaintenance: bool(v, 'held_by_maintenance'),
    suppressed: bool(v, 'suppressed'),
    heldByStorm: bool(v, 'held_by_storm'),
    silenced: bool(v, 'silenced'),
    pages: pagedUserIds.length,
    pagedUserIds,
    notified: list<string>(v, 'notified_users').map((userId, k) => ({ userId, at: notifiedAt[k]! })),
    deduplicated: numOrNull(v, 'deduplicated') ?? 0,
  };
}
