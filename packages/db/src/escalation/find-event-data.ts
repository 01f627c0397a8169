import type pg from 'pg';

/** A stored timeline entry the worker acts on (e.g. escalation_requested), with its actor; read it with readIncidentEvent. */
export interface StoredEventWithActor {
  type: string;
  message: string;
  data: unknown;
  createdAt: Date;
  actor: string | null;
}

export async function findEventData(client: pg.PoolClient, eventId: string): Promise<StoredEventWithActor | undefined> {
  const r = await client.query<StoredEventWithActor>(`SELECT type, message, data, created_at AS "createdAt", actor FROM incident_events WHERE id = $1`, [eventId]);
  return r.rows[0];
}
