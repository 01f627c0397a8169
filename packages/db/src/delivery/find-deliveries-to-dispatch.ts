import type pg from 'pg';

export interface DispatchRow {
  id: string;
  channel: string;
  dueAt: Date;
  /** it had a job already, due before `lostBefore` and still queued: that job may be lost */
  lost?: boolean;
}

/**
 * Queued deliveries that need a job, marked enqueued in the caller's
 * transaction (rows another dispatcher holds are skipped): those without one
 * yet, and those whose job may be lost (due before `lostBefore` and still
 * queued: Redis flushed, a job that failed to add, or one a dead worker held;
 * `lost`). Adding a job whose id exists is a no-op, so re-adding a live one is
 * harmless; one kept as active, completed or failed is given a new due time
 * (moveDeliveryDue) by the caller.
 */
export async function findDeliveriesToDispatch(client: pg.PoolClient, opts: { at: Date; lostBefore: Date; limit: number }): Promise<DispatchRow[]> {
  const r = await client.query<DispatchRow>(
    `UPDATE deliveries d SET enqueued_at = $1
      FROM (SELECT id, enqueued_at IS NOT NULL AS lost FROM deliveries
             WHERE status = 'queued' AND (enqueued_at IS NULL OR due_at < $2)
             ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) picked
      WHERE d.id = picked.id
      RETURNING d.id, d.channel, d.due_at AS "dueAt", picked.lost`,
    [opts.at, opts.lostBefore, opts.limit],
  );
  return r.rows;
}

/** Forget that a job was added (adding it failed): the next pass tries again. */
export async function unmarkEnqueued(client: pg.PoolClient | pg.Pool, ids: string[]): Promise<void> {
  if (ids.length > 0) await client.query(`UPDATE deliveries SET enqueued_at = NULL WHERE id = ANY($1::uuid[]) AND status = 'queued'`, [ids]);
}

/**
 * A queued delivery whose job is gone for good (kept as completed or failed, or
 * held by a worker that died) moves to a new due time, so a new job (id from the
 * due time) can be added; the old one, should it still run, finds nothing.
 * Only while it is still queued at `from`. Returns the new due time, or
 * undefined when the row had moved on.
 */
export async function moveDeliveryDue(client: pg.PoolClient | pg.Pool, id: string, from: Date, at: Date): Promise<Date | undefined> {
  const r = await client.query<{ dueAt: Date }>(
    `UPDATE deliveries SET due_at = GREATEST($3::timestamptz, due_at + interval '1 millisecond'), enqueued_at = $3, updated_at = $3
      WHERE id = $1 AND status = 'queued' AND due_at = $2
      RETURNING due_at AS "dueAt"`,
    [id, from, at],
  );
  return r.rows[0]?.dueAt;
}
