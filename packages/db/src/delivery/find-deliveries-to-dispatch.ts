import type pg from 'pg';

export interface DispatchRow {
  id: string;
  channel: string;
  dueAt: Date;
}

/**
 * Queued deliveries that need a job, marked enqueued in the caller's
 * transaction (rows another dispatcher holds are skipped): those without one
 * yet, and those whose job may be lost (due before `lostBefore` and still
 * queued: Redis flushed or a job that failed to add). Adding a job whose id
 * exists is a no-op, so re-adding a live one is harmless.
 */
export async function findDeliveriesToDispatch(client: pg.PoolClient, opts: { at: Date; lostBefore: Date; limit: number }): Promise<DispatchRow[]> {
  const r = await client.query<DispatchRow>(
    `UPDATE deliveries SET enqueued_at = $1
      WHERE id IN (
        SELECT id FROM deliveries
         WHERE status = 'queued' AND (enqueued_at IS NULL OR due_at < $2)
         ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, due_at AS "dueAt"`,
    [opts.at, opts.lostBefore, opts.limit],
  );
  return r.rows;
}

/** Forget that a job was added (adding it failed): the next pass tries again. */
export async function unmarkEnqueued(client: pg.PoolClient | pg.Pool, ids: string[]): Promise<void> {
  if (ids.length > 0) await client.query(`UPDATE deliveries SET enqueued_at = NULL WHERE id = ANY($1::uuid[]) AND status = 'queued'`, [ids]);
}
