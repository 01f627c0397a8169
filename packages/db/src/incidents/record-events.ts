import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { IncidentEventDraft, IncidentTopic } from '@heinrich/core/incidents/incident-event-catalog';

/** A timeline entry to write: a catalog type with that type's data (IncidentEventDraft), and who, from where, saying what. */
export type NewIncidentEvent = IncidentEventDraft & {
  incidentId: string;
  message: string;
  actor: string | null;
  via: string | null;
  /** also put it in the outbox for the worker under this topic */
  topic?: IncidentTopic;
};

/**
 * Writes timeline entries and, for lifecycle events, their outbox rows, in the
 * caller's transaction: the worker hears of exactly what was committed.
 * Returns the outbox ids to enqueue after commit.
 */
export async function recordEvents(client: pg.PoolClient, events: NewIncidentEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e, n) => ({
    n,
    id: randomUUID(),
    incident_id: e.incidentId,
    type: e.type,
    message: e.message,
    actor: e.actor,
    via: e.via,
    data: e.data ?? {},
    topic: e.topic ?? null,
    outbox_id: e.topic ? randomUUID() : null,
  }));
  // one statement: rows are inserted in array order, so seq follows it
  await client.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS t(n int, id uuid, incident_id uuid, type text, message text, actor text, via text, data jsonb, topic text, outbox_id uuid)
     ), events AS (
       INSERT INTO incident_events (id, incident_id, type, message, actor, via, data)
       SELECT id, incident_id, type, message, actor, via, data FROM input ORDER BY n
     )
     INSERT INTO outbox (id, incident_id, event_id, topic)
     SELECT outbox_id, incident_id, id, topic FROM input WHERE outbox_id IS NOT NULL`,
    [JSON.stringify(rows)],
  );
  return rows.flatMap((r) => (r.outbox_id ? [r.outbox_id] : []));
}
