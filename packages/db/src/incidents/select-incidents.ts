import type pg from 'pg';
import { FLAPPING_SQL } from '../flapping/flapping-sql';
import type { IncidentStatus } from './transition-incident';

/** Where a page of incidents ends: created_at with microseconds (as text) and the tie-breaking id. */
export interface IncidentPosition {
  createdAt: string;
  id: string;
  /** sort `severity`: the severity's rank (SEVERITY_RANK_SQL) */
  severityRank?: number;
}

/** critical 0, error 1, warning 2, info 3, anything else (or none) 4: the order of the list's "severity" sort */
const SEVERITY_RANK_SQL = (alias: string) =>
  `CASE lower(${alias}.severity) WHEN 'critical' THEN 0 WHEN 'error' THEN 1 WHEN 'warning' THEN 2 WHEN 'info' THEN 3 ELSE 4 END`;

/** The people the incident is on right now (IncidentRecord.onIt). */
export interface OnIt {
  userId: string;
  name: string;
  role: 'paged' | 'acknowledged';
}

export interface IncidentRecord {
  id: string;
  number: number;
  title: string;
  status: IncidentStatus;
  serviceId: string;
  serviceName: string;
  severity: string | null;
  groupLabels: Record<string, string>;
  alertCounts: { firing: number; resolved: number; superseded: number; stale: number; total: number };
  truncatedAlerts: number;
  /** open: its firing alerts; resolved by a person: how many still fired then; resolved by its alerts: 0 */
  firingAlerts: number;
  /** the storm it was opened during (docs/noise.md "Storm mode") */
  stormId: string | null;
  /** page: it started its storm (the storm page); held: it joined one */
  stormRole: 'page' | 'held' | null;
  /** its alert group is flapping (docs/noise.md "Flapping"): it stays open across resolves */
  flapping: boolean;
  /** the maintenance window it was opened under (docs/maintenance-windows.md), held from paging until `until` */
  maintenance: { windowId: string | null; reason: string; until: Date; releasedAt: Date | null } | null;
  /** the alert rule that suppressed it (docs/alert-rules.md): stored, paged no one */
  suppressedBy: { ruleId: string; name: string; serviceName: string } | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  /** its escalation's urgency, else its service's (by severity for `bySeverity`) */
  urgency: 'high' | 'low';
  /** triggered: the people its current escalation run paged; acknowledged: the person who acknowledged it; resolved: none */
  onIt: OnIt[];
  position: IncidentPosition;
}

export interface IncidentSelection {
  id?: string;
  number?: number;
  statuses?: IncidentStatus[];
  serviceId?: string;
  /** created at or after this instant (RFC 3339) */
  since?: string;
  /** the incidents of this storm */
  stormId?: string;
  /** only incidents an alert rule suppressed (true) or only the others (false) */
  suppressed?: boolean;
  /** the page after this position, newest first */
  before?: IncidentPosition;
  /** the synthetic probe's incidents (docs/monitoring.md): left out (`exclude`) or alone (`only`); undefined: no filter */
  probe?: 'exclude' | 'only';
  /** i23: only these incidents (the insights incident-list filter) */
  ids?: readonly string[];
  /** newest first (default), or by severity (critical first), then newest */
  sort?: 'newest' | 'severity';
  /** each must be in the title or a group label value (case ignored), or be its number (`42`, `#42`) */
  words?: string[];
  /** each must equal a label of the incident (group labels) or of one of its alerts */
  labels?: [string, string][];
  /** the open incidents on this user now: triggered and paged in the current escalation run, or acknowledged by them */
  onUserId?: string;
  /** incidents of these teams' services */
  teamIds?: string[];
  limit: number;
}

/**
 * Incidents newest first (created_at, id descending) with their service's name
 * and alert counts. The counts come from one grouped query over the page's
 * incidents (alerts_incident_id_status_idx), not a query per incident.
 */
export async function selectIncidents(pool: pg.Pool, s: IncidentSelection): Promise<IncidentRecord[]> {
  const r = await pool.query<{
    id: string;
    number: number;
    title: string;
    status: IncidentStatus;
    service_id: string;
    service_name: string;
    severity: string | null;
    group_labels: Record<string, string>;
    truncated_alerts: number;
    firing_alerts_at_resolve: number | null;
    storm_id: string | null;
    storm_role: 'page' | 'held' | null;
    flapping: boolean;
    maintenance_window_id: string | null;
    maintenance_reason: string | null;
    maintenance_until: Date | null;
    maintenance_released_at: Date | null;
    suppressed_by: { ruleId: string; name: string; serviceName: string } | null;
    created_at: Date;
    acknowledged_at: Date | null;
    acknowledged_by: string | null;
    resolved_at: Date | null;
    resolved_by: string | null;
    position: string;
    severity_rank: number;
    urgency: 'high' | 'low';
    on_it: OnIt[];
    firing: number;
    resolved: number;
    superseded: number;
    stale: number;
  }>(
    `WITH page AS (
       SELECT i.* FROM incidents i
        WHERE ($1::uuid IS NULL OR i.id = $1)
          -- test pages (is_test) are listed nowhere; their own page (by id or number) shows them
          AND (NOT i.is_test OR $1::uuid IS NOT NULL OR $2::int IS NOT NULL)
          AND ($2::int IS NULL OR i.number = $2)
          AND ($3::incident_status[] IS NULL OR i.status = ANY($3))
          AND ($4::uuid IS NULL OR i.service_id = $4)
          AND ($5::timestamptz IS NULL OR i.created_at >= $5)
          AND ($6::timestamptz IS NULL OR $12::int IS NOT NULL OR (i.created_at, i.id) < ($6::timestamptz, $7::uuid))
          AND ($9::uuid IS NULL OR i.storm_id = $9)
          AND ($10::boolean IS NULL OR (i.suppressed_by IS NOT NULL) = $10)
          AND ($11::text IS NULL OR ($11 = 'only') = EXISTS (SELECT 1 FROM services ps WHERE ps.id = i.service_id AND ps.is_probe))
          AND ($6::timestamptz IS NULL OR $12::int IS NULL OR ${SEVERITY_RANK_SQL('i')} > $12
               OR (${SEVERITY_RANK_SQL('i')} = $12 AND (i.created_at, i.id) < ($6::timestamptz, $7::uuid)))
          AND NOT EXISTS (
            SELECT 1 FROM unnest($14::text[]) w
             WHERE NOT (strpos(lower(i.title), lower(w)) > 0
                        OR i.number::text = ltrim(w, '#')
                        OR EXISTS (SELECT 1 FROM jsonb_each_text(i.group_labels) g WHERE strpos(lower(g.value), lower(w)) > 0)))
          AND NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements($15::jsonb) l
             WHERE NOT (coalesce(i.group_labels ->> (l ->> 0) = l ->> 1, false)
                        OR EXISTS (SELECT 1 FROM alerts la WHERE la.incident_id = i.id AND la.labels ->> (l ->> 0) = l ->> 1)))
          AND ($16::uuid IS NULL
               OR (i.status = 'acknowledged' AND i.acknowledged_by = 'user:' || $16::text)
               OR (i.status = 'triggered' AND EXISTS (
                     SELECT 1 FROM notifications n LEFT JOIN incident_escalations ne ON ne.incident_id = n.incident_id
                      WHERE n.incident_id = i.id AND n.user_id = $16 AND n.cycle >= coalesce(ne.base_cycle, 0))))
          AND ($17::uuid[] IS NULL OR EXISTS (SELECT 1 FROM services ts WHERE ts.id = i.service_id AND ts.team_id = ANY($17)))
          AND ($18::uuid[] IS NULL OR i.id = ANY($18))
        ORDER BY CASE WHEN $13::boolean THEN ${SEVERITY_RANK_SQL('i')} ELSE 0 END, i.created_at DESC, i.id DESC
        LIMIT $8
     ), counts AS (
       SELECT a.incident_id,
              count(*) FILTER (WHERE a.status = 'firing')::int AS firing,
              count(*) FILTER (WHERE a.status = 'resolved')::int AS resolved,
              count(*) FILTER (WHERE a.status = 'superseded')::int AS superseded,
              count(*) FILTER (WHERE a.status = 'stale')::int AS stale
         FROM alerts a
        WHERE a.incident_id IN (SELECT id FROM page)
        GROUP BY a.incident_id
     )
     SELECT p.id, p.number, p.title, p.status, p.service_id, s.name AS service_name, p.severity, p.group_labels,
            p.truncated_alerts, p.firing_alerts_at_resolve, p.storm_id,
            CASE WHEN p.storm_id IS NULL THEN NULL
                 WHEN EXISTS (SELECT 1 FROM storms st WHERE st.id = p.storm_id AND st.started_by_incident_id = p.id) THEN 'page'
                 ELSE 'held' END AS storm_role,
            ${FLAPPING_SQL('p')} AS flapping,
            p.maintenance_window_id, p.maintenance_reason, p.maintenance_until, p.maintenance_released_at, p.suppressed_by, p.created_at, p.acknowledged_at, p.acknowledged_by, p.resolved_at, p.resolved_by,
            to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position,
            ${SEVERITY_RANK_SQL('p')} AS severity_rank,
            coalesce(esc.urgency, CASE s.urgency WHEN 'high' THEN 'high' WHEN 'low' THEN 'low'
                                                 ELSE CASE WHEN lower(trim(coalesce(p.severity, ''))) IN ('warning', 'info') THEN 'low' ELSE 'high' END END) AS urgency,
            CASE p.status
              WHEN 'triggered' THEN (
                SELECT coalesce(jsonb_agg(jsonb_build_object('userId', u.id, 'name', u.name, 'role', 'paged') ORDER BY u.name, u.id), '[]'::jsonb)
                  FROM users u
                 WHERE u.id IN (SELECT n.user_id FROM notifications n WHERE n.incident_id = p.id AND n.cycle >= coalesce(esc.base_cycle, 0)))
              WHEN 'acknowledged' THEN (
                SELECT coalesce(jsonb_agg(jsonb_build_object('userId', u.id, 'name', u.name, 'role', 'acknowledged')), '[]'::jsonb)
                  FROM users u WHERE 'user:' || u.id::text = p.acknowledged_by)
              ELSE '[]'::jsonb END AS on_it,
            coalesce(c.firing, 0) AS firing, coalesce(c.resolved, 0) AS resolved,
            coalesce(c.superseded, 0) AS superseded, coalesce(c.stale, 0) AS stale
       FROM page p
       JOIN services s ON s.id = p.service_id
       LEFT JOIN counts c ON c.incident_id = p.id
       LEFT JOIN incident_escalations esc ON esc.incident_id = p.id
      ORDER BY CASE WHEN $13::boolean THEN ${SEVERITY_RANK_SQL('p')} ELSE 0 END, p.created_at DESC, p.id DESC`,
    [
      s.id ?? null,
      s.number ?? null,
      s.statuses ?? null,
      s.serviceId ?? null,
      s.since ?? null,
      s.before?.createdAt ?? null,
      s.before?.id ?? null,
      s.limit,
      s.stormId ?? null,
      s.suppressed ?? null,
      s.probe ?? null,
      s.sort === 'severity' && s.before ? (s.before.severityRank ?? 4) : null,
      s.sort === 'severity',
      s.words?.length ? s.words : null,
      s.labels?.length ? JSON.stringify(s.labels) : null,
      s.onUserId ?? null,
      s.teamIds ?? null,
      s.ids ? [...s.ids] : null,
    ],
  );
  return r.rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    serviceId: row.service_id,
    serviceName: row.service_name,
    severity: row.severity,
    groupLabels: row.group_labels,
    alertCounts: {
      firing: row.firing,
      resolved: row.resolved,
      superseded: row.superseded,
      stale: row.stale,
      total: row.firing + row.resolved + row.superseded + row.stale,
    },
    truncatedAlerts: row.truncated_alerts,
    firingAlerts: row.status === 'resolved' ? (row.firing_alerts_at_resolve ?? 0) : row.firing,
    stormId: row.storm_id,
    stormRole: row.storm_role,
    flapping: row.flapping,
    maintenance:
      row.maintenance_until && row.maintenance_reason !== null
        ? { windowId: row.maintenance_window_id, reason: row.maintenance_reason, until: row.maintenance_until, releasedAt: row.maintenance_released_at }
        : null,
    suppressedBy: row.suppressed_by,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    urgency: row.urgency,
    onIt: row.on_it,
    position: { createdAt: row.position, id: row.id, severityRank: row.severity_rank },
  }));
}
