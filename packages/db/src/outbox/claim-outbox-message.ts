import type pg from 'pg';

export interface ClaimedOutboxMessage {
  id: string;
  incidentId: string | null;
  eventId: string | null;
  topic: string;
  createdAt: Date;
}

/**
 * Claims an outbox row by deleting it, in the caller's transaction: the event's
 * work commits together with the claim, or neither does. Undefined when the row
 * is gone (already handled: a duplicate or late job). Under READ COMMITTED a
 * concurrent claim of the same row waits for the first transaction and then
 * finds nothing, so exactly one handler gets it.
 */
export async function claimOutboxMessage(client: pg.PoolClient, id: string): Promise<ClaimedOutboxMessage | undefined> {
  const r = await client.query<ClaimedOutboxMessage>(
    `DELETE FROM outbox WHERE id = $1
     RETURNING id, incident_id AS "incidentId", event_id AS "eventId", topic, created_at AS "createdAt"`,
    [id],
  );
  return r.rows[0];
}
