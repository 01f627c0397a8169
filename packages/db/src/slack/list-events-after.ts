import type pg from 'pg';

export interface TimelineRowAfter {
  seq: string;
  type: string;
  message: string;
  data: unknown;
  createdAt: Date;
}

/** The incident's timeline entries with after < seq <= upTo, oldest first (for thread follow-ups; read them with readIncidentEvent). */
export async function listEventsAfter(db: pg.Pool | pg.PoolClient, incidentId: string, after: string, upTo: string): Promise<TimelineRowAfter[]> {
  const r = await db.query<TimelineRowAfter>(
    `SELECT seq::text AS seq, type, message, data, created_at AS "createdAt" FROM incident_events
      WHERE incident_id = $1 AND seq > $2::bigint AND seq <= $3::bigint
      ORDER BY seq LIMIT 200`,
    [incidentId, after, upTo],
  );
  return r.rows;
}
