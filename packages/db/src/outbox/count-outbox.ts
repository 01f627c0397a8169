import type pg from 'pg';

/** Unhandled outbox rows. The table only holds pending events, so an exact count stays cheap. */
export async function countOutbox(client: pg.ClientBase | pg.Pool): Promise<number> {
  const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
  return r.rows[0]?.n ?? 0;
}
