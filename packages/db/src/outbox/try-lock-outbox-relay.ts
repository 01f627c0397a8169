import type pg from 'pg';

/**
 * Advisory lock key of the outbox relay: one constant for the whole database,
 * so among all workers at most one relay pass runs at a time. ("heinrich outbox relay"
 * has no meaning to Postgres; the number just must not collide with other lock users.)
 */
export const OUTBOX_RELAY_LOCK_KEY = 4_801_262_133_001n;

/**
 * Takes the relay lock for the rest of the caller's transaction, without
 * waiting: false when another worker's relay holds it. Released on COMMIT or
 * ROLLBACK, and by Postgres if the holder's connection dies.
 */
export async function tryLockOutboxRelay(client: pg.PoolClient): Promise<boolean> {
  const r = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, [
    OUTBOX_RELAY_LOCK_KEY.toString(),
  ]);
  return r.rows[0]?.locked === true;
}
