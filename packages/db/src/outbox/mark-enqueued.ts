import type pg from 'pg';

/** Records when the relay last made sure these rows have a job. Rows already handled are simply not there. */
export async function markEnqueued(client: pg.ClientBase | pg.Pool, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await client.query(`UPDATE outbox SET enqueued_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
}
