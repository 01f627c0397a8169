import type pg from 'pg';
import type { DispatchRow } from './find-deliveries-to-dispatch';

/**
 * The incident's queued deliveries without a job yet on these channels, marked
 * enqueued in the caller's transaction: the engine adds their jobs right after
 * it commits. Channels without a provider are left for the dispatcher (which
 * records them unavailable and starts the next method).
 */
export async function markIncidentDeliveriesEnqueued(client: pg.PoolClient, incidentId: string, channels: string[], at: Date): Promise<DispatchRow[]> {
  if (channels.length === 0) return [];
  const r = await client.query<DispatchRow>(
    `UPDATE deliveries d SET enqueued_at = $3
       FROM notifications n
      WHERE n.id = d.notification_id AND n.incident_id = $1 AND d.status = 'queued' AND d.enqueued_at IS NULL AND d.channel = ANY($2::text[])
      RETURNING d.id, d.channel, d.due_at AS "dueAt"`,
    [incidentId, channels, at],
  );
  return r.rows;
}
