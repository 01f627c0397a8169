import type { Database } from '@heinrich/db/create-database';

export interface IncidentState {
  id: string;
  number: number;
  title: string;
  status: string;
  truncatedAlerts: number;
  firing: number;
  resolved: number;
  /** timeline event types, oldest first */
  events: string[];
}

/** Every incident of a service with its alert counts and timeline, oldest first. */
export async function incidentsOf(db: Database, serviceId: string): Promise<IncidentState[]> {
  const r = await db.pool.query<{
    id: string;
    number: number;
    title: string;
    status: string;
    truncated_alerts: number;
    firing: number;
    resolved: number;
    events: string[] | null;
  }>(
    `SELECT i.id, i.number, i.title, i.status, i.truncated_alerts,
            (SELECT count(*)::int FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing') AS firing,
            (SELECT count(*)::int FROM alerts a WHERE a.incident_id = i.id AND a.status = 'resolved') AS resolved,
            (SELECT array_agg(e.type ORDER BY e.seq) FROM incident_events e WHERE e.incident_id = i.id) AS events
       FROM incidents i WHERE i.service_id = $1 ORDER BY i.number`,
    [serviceId],
  );
  return r.rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    truncatedAlerts: row.truncated_alerts,
    firing: row.firing,
    resolved: row.resolved,
    // the worker's own bookkeeping is not part of what ingest decided
    events: (row.events ?? []).filter((t) => t !== 'dispatched'),
  }));
}

/** How often each occurrence of the service was delivered, by fingerprint. */
export async function receiveCounts(db: Database, serviceId: string): Promise<Record<string, number>> {
  const r = await db.pool.query<{ fingerprint: string; receive_count: number }>(
    `SELECT fingerprint, receive_count FROM alerts WHERE service_id = $1`,
    [serviceId],
  );
  return Object.fromEntries(r.rows.map((row) => [row.fingerprint, row.receive_count]));
}
