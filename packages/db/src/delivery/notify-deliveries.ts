import type pg from 'pg';
import { DELIVERIES_CHANNEL } from './insert-deliveries';

/** Wakes the dispatcher when the caller's transaction commits. */
export async function notifyDeliveries(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
}
