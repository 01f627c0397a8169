import type { Database } from '@heinrich/db/create-database';

export interface DispatchedEvent {
  incidentId: string;
  message: string;
  actor: string | null;
  data: { outboxId: string; topic: string; eventId: string | null; lagMs: number };
}

/** The worker's `dispatched` timeline entries, oldest first. */
export async function dispatchedEvents(db: Database, incidentId?: string): Promise<DispatchedEvent[]> {
  const r = await db.pool.query<DispatchedEvent>(
    `SELECT incident_id AS "incidentId", message, actor, data
       FROM incident_events
      WHERE type = 'dispatched' AND ($1::uuid IS NULL OR incident_id = $1)
      ORDER BY seq`,
    [incidentId ?? null],
  );
  return r.rows;
}

export async function outboxIds(db: Database): Promise<string[]> {
  const r = await db.pool.query<{ id: string }>(`SELECT id FROM outbox ORDER BY created_at`);
  return r.rows.map((row) => row.id);
}
