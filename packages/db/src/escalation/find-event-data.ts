import type pg from 'pg';

/** A timeline entry's data and actor (a request the worker acts on, e.g. escalation_requested). */
export async function findEventData(client: pg.PoolClient, eventId: string): Promise<{ data: Record<string, unknown>; actor: string | null } | undefined> {
  const r = await client.query<{ data: Record<string, unknown>; actor: string | null }>(`SELECT data, actor FROM incident_events WHERE id = $1`, [eventId]);
  return r.rows[0];
}
