import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface NewIncidentEvent {
  incidentId: string;
  type: string;
  message: string;
  actor: string | null;
  via: string | null;
  data?: Record<string, unknown>;
  /** also put it in the outbox for the worker under this topic */
  topic?: string;
}

/**
 * Writes timeline entries and, for lifecycle events, their outbox rows, in the
 * caller's transaction: the worker hears of exactly what was committed.
 * Returns the outbox ids to enqueue after commit.
 */
export async function recordEvents(client: pg.PoolClient, events: NewIncidentEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({ ...e, id: randomUUID(), data: e.data ?? {} }));
  await client.query(
    `INSERT INTO incident_events (id, incident_id, type, message, actor, via, data)
     SELECT t.id, t."incidentId", t.type, t.message, t.actor, t.via, t.data
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, "incidentId" uuid, type text, message text, actor text, via text, data jsonb)`,
    [JSON.stringify(rows)],
  );
  const outbox = rows.filter((r) => r.topic).map((r) => ({ id: randomUUID(), incident_id: r.incidentId, event_id: r.id, topic: r.topic }));
  if (outbox.length > 0) {
    await client.query(
      `INSERT INTO outbox (id, incident_id, event_id, topic)
       SELECT t.id, t.incident_id, t.event_id, t.topic
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, incident_id uuid, event_id uuid, topic text)`,
      [JSON.stringify(outbox)],
    );
  }
  return outbox.map((o) => o.id);
}
