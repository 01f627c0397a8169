import type pg from 'pg';

/** The incident's timeline entries with after < seq <= upTo, oldest first (for thread follow-ups). */
export async function listEventsAfter(db: pg.Pool | pg.PoolClient, incidentId: string, after: string, upTo: string): Promise<{ seq: string; type: string; message: string }[]> {
  const r = await db.query<{ seq: string; type: string; message: string }>(
    `SELECT seq::text AS seq, type, message FROM incident_events
      WHERE incident_id = $1 AND seq > $2::bigint AND seq <= $3::bigint
      ORDER BY seq LIMIT 200`,
    [incidentId, after, upTo],
  );
  return r.rows;
}
