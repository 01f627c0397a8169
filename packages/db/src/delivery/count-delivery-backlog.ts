import type pg from 'pg';

/** Queued deliveries already due: pages waiting for a provider call (the delivery backlog). */
export async function countDeliveryBacklog(client: pg.Pool | pg.PoolClient, at: Date): Promise<number> {
  const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'queued' AND due_at <= $1`, [at]);
  return r.rows[0]!.n;
}
