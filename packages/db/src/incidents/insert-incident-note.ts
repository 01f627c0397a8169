import type { IncidentEventData } from '@heinrich/core/incidents/incident-event-catalog';
import type pg from 'pg';
import type { IncidentEventRecord } from './list-incident-events';

/**
 * A note on the timeline. Not a lifecycle event, so no outbox row: nothing in
 * the worker acts on notes (recordEvents would not return the new row either).
 */
export async function insertIncidentNote(
  pool: pg.Pool,
  note: { incidentId: string; text: string; actor: string; via: string } & IncidentEventData<'note'>,
): Promise<IncidentEventRecord> {
  const r = await pool.query<IncidentEventRecord>(
    `INSERT INTO incident_events (id, incident_id, type, message, actor, via, data)
     VALUES (gen_random_uuid(), $1, 'note', $2, $3, $4, jsonb_build_object('author', $5::text))
     RETURNING id, type, message, actor, via, data, created_at AS "createdAt"`,
    [note.incidentId, note.text, note.actor, note.via, note.author],
  );
  return r.rows[0]!;
}
