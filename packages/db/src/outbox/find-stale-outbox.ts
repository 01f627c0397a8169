import type pg from 'pg';

export interface StaleOutboxMessage {
  id: string;
  topic: string;
  createdAt: Date;
}

/**
 * Outbox rows still unhandled that were written before `olderThan` and not
 * (re-)enqueued since then, oldest first. Rows the relay has just enqueued are
 * left alone for another stale period, so a backlog the workers are still
 * working through is not re-examined on every pass.
 */
export async function findStaleOutbox(
  client: pg.ClientBase | pg.Pool,
  opts: { olderThan: Date; limit: number },
): Promise<StaleOutboxMessage[]> {
  const r = await client.query<StaleOutboxMessage>(
    `SELECT id, topic, created_at AS "createdAt"
       FROM outbox
      WHERE created_at < $1 AND (enqueued_at IS NULL OR enqueued_at < $1)
      ORDER BY created_at
      LIMIT $2`,
    [opts.olderThan, opts.limit],
  );
  return r.rows;
}
