import type pg from 'pg';

/** What the dispatcher says when it sends a page again whose worker stopped mid-send. */
export const LEASE_EXPIRED = 'lease expired: the worker sending it stopped';

/**
 * Deliveries claimed (sending) whose lease has expired without an outcome: the
 * worker sending them died (kill -9, OOM, a lost node). Queued again, due now
 * (a new due time is a new job id, so adding its job is not a no-op while the old
 * job is kept as completed or failed), in the caller's transaction; rows another
 * transaction holds are skipped (a send recording its outcome). The page may
 * have reached the provider before the worker died: it goes again, at least
 * once, never lost. Returns the ids.
 */
export async function requeueExpiredLeases(client: pg.PoolClient, at: Date, limit = 500): Promise<string[]> {
  const r = await client.query<{ id: string }>(
    `UPDATE deliveries SET status = 'queued', due_at = $1, enqueued_at = NULL, lease_until = NULL, updated_at = $1, error = $3,
            history = history || jsonb_build_array(jsonb_build_object('status', 'queued', 'at', $1::timestamptz, 'error', $3::text))
      WHERE id IN (
        SELECT id FROM deliveries
         WHERE status = 'sending' AND lease_until < $1
         ORDER BY lease_until LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [at, limit, LEASE_EXPIRED],
  );
  return r.rows.map((row) => row.id);
}
