import type pg from 'pg';

/**
 * Advisory lock key of the escalation sweeper: one constant for the whole
 * database, so among all workers at most one sweep runs at a time. (The number
 * only must not collide with other lock users; the outbox relay's is ...001.)
 */
export const ESCALATION_SWEEPER_LOCK_KEY = 4_801_262_133_002n;

/**
 * Takes the sweeper lock on this connection (session level: it spans the
 * sweep's several transactions) without waiting; false when another worker
 * holds it. Postgres releases it if the connection dies.
 */
export async function tryLockEscalationSweeper(client: pg.PoolClient): Promise<boolean> {
  const r = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1::bigint) AS locked`, [ESCALATION_SWEEPER_LOCK_KEY.toString()]);
  return r.rows[0]?.locked === true;
}

export async function unlockEscalationSweeper(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock($1::bigint)`, [ESCALATION_SWEEPER_LOCK_KEY.toString()]);
}
