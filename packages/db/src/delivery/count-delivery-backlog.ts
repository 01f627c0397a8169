import type pg from 'pg';

/**
 * Pages waiting for a provider call (the delivery backlog): queued deliveries
 * already due, and claimed ones whose lease has expired (their worker died
 * mid-send; the dispatcher queues them again).
 */
export async function countDeliveryBacklog(client: pg.Pool | pg.PoolClient, at: Date): Promise<number> {
  const r = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE (status = 'queued' AND due_at <= $1) OR (status = 'sending' AND lease_until < $1)`,
    [at],
  );
  return r.rows[0]!.n;
}
