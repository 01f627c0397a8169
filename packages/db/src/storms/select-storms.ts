import type pg from 'pg';
import type { Queryable } from '../queryable';
import { stormAlertnameOf } from './load-storm-input';

/** Where a page of storms ends: started_at with microseconds (as text) and the tie-breaking id. */
export interface StormPosition {
  createdAt: string;
  id: string;
}

export interface StormRecord {
  id: string;
  serviceId: string;
  serviceName: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  lastIncidentAt: Date;
  pageIncident: { id: string; number: number };
  /** incidents in the window when it started, and the window */
  triggerIncidents: number;
  windowSeconds: number;
  totals: { incidents: number; held: number; triggered: number; acknowledged: number; resolved: number };
  position: StormPosition;
}

export interface StormSelection {
  id?: string;
  serviceId?: string;
  /** true: not ended; false: ended */
  active?: boolean;
  /** the page after this position, newest first */
  before?: StormPosition;
  limit: number;
}

/**
 * Storms newest first (started_at, id descending) with their service's name,
 * the incident that started them and their incidents counted by status (one
 * grouped query over the page's storms, incidents_storm_id_idx).
 */
export async function selectStorms(db: Queryable, s: StormSelection): Promise<StormRecord[]> {
  const r = await db.query<{
    id: string;
    service_id: string;
    service_name: string;
    title: string;
    started_at: Date;
    ended_at: Date | null;
    last_incident_at: Date;
    page_id: string;
    page_number: number;
    trigger_incidents: number;
    window_seconds: number;
    held_count: number;
    incidents: number;
    triggered: number;
    acknowledged: number;
    resolved: number;
    position: string;
  }>(
    `WITH page AS (
       SELECT st.* FROM storms st
        WHERE ($1::uuid IS NULL OR st.id = $1)
          AND ($2::uuid IS NULL OR st.service_id = $2)
          AND ($3::boolean IS NULL OR (st.ended_at IS NULL) = $3)
          AND ($4::timestamptz IS NULL OR (st.started_at, st.id) < ($4::timestamptz, $5::uuid))
        ORDER BY st.started_at DESC, st.id DESC
        LIMIT $6
     ), counts AS (
       SELECT i.storm_id, count(*)::int AS incidents,
              count(*) FILTER (WHERE i.status = 'triggered')::int AS triggered,
              count(*) FILTER (WHERE i.status = 'acknowledged')::int AS acknowledged,
              count(*) FILTER (WHERE i.status = 'resolved')::int AS resolved
         FROM incidents i WHERE i.storm_id IN (SELECT id FROM page)
        GROUP BY i.storm_id
     )
     SELECT p.id, p.service_id, s.name AS service_name, p.title, p.started_at, p.ended_at, p.last_incident_at,
            p.started_by_incident_id AS page_id, pi.number AS page_number, p.trigger_incidents, p.window_seconds, p.held_count,
            coalesce(c.incidents, 0) AS incidents, coalesce(c.triggered, 0) AS triggered,
            coalesce(c.acknowledged, 0) AS acknowledged, coalesce(c.resolved, 0) AS resolved,
            to_char(p.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
       FROM page p
       JOIN services s ON s.id = p.service_id
       JOIN incidents pi ON pi.id = p.started_by_incident_id
       LEFT JOIN counts c ON c.storm_id = p.id
      ORDER BY p.started_at DESC, p.id DESC`,
    [s.id ?? null, s.serviceId ?? null, s.active ?? null, s.before?.createdAt ?? null, s.before?.id ?? null, s.limit],
  );
  return r.rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    title: row.title,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastIncidentAt: row.last_incident_at,
    pageIncident: { id: row.page_id, number: row.page_number },
    triggerIncidents: row.trigger_incidents,
    windowSeconds: row.window_seconds,
    totals: { incidents: row.incidents, held: row.held_count, triggered: row.triggered, acknowledged: row.acknowledged, resolved: row.resolved },
    position: { createdAt: row.position, id: row.id },
  }));
}

/** The storm's incidents counted by alertname (as storm detection names them), most frequent first, then by name. */
export async function countStormAlertnames(db: Queryable, stormId: string): Promise<{ alertname: string; count: number }[]> {
  const r = await db.query<{ alertname: string; count: number }>(
    `SELECT w.alertname, count(*)::int AS count
       FROM (SELECT ${stormAlertnameOf('i')} AS alertname FROM incidents i WHERE i.storm_id = $1) w
      GROUP BY w.alertname
      ORDER BY count(*) DESC, w.alertname`,
    [stormId],
  );
  return r.rows;
}

/**
 * Locks the storm's incidents in `statuses` (FOR UPDATE, in opening order, so
 * two storm-wide actions can't deadlock) and returns their ids: a concurrent
 * single-incident change waits, so each one is changed exactly once.
 */
export async function lockStormIncidents(client: pg.PoolClient, stormId: string, statuses: readonly ('triggered' | 'acknowledged')[]): Promise<string[]> {
  const r = await client.query<{ id: string }>(
    `SELECT id FROM incidents WHERE storm_id = $1 AND status = ANY($2::incident_status[]) ORDER BY created_at, number FOR UPDATE`,
    [stormId, statuses],
  );
  return r.rows.map((row) => row.id);
}
