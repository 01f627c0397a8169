import type pg from 'pg';

export interface IncidentEventRecord {
  id: string;
  type: string;
  message: string;
  actor: string | null;
  via: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** The timeline of an incident, oldest first: by seq, since events of one transaction share created_at. */
export async function listIncidentEvents(pool: pg.Pool, incidentId: string): Promise<IncidentEventRecord[]> {
  const r = await pool.query<IncidentEventRecord>(
    `SELECT id, type, message, actor, via, data, created_at AS "createdAt"
       FROM incident_events
      WHERE incident_id = $1
      ORDER BY seq`,
    [incidentId],
  );
  return r.rows;
}
