import pg from 'pg';
import { DELIVERIES_CHANNEL } from './insert-deliveries';

/**
 * A connection of its own (not from the pool: it stays open) that LISTENs on
 * DELIVERIES_CHANNEL (heinrich_deliveries): `onNotify` runs after every commit
 * that wrote pages or deliveries. Errors go to `onError`; the caller's timer
 * covers the gaps. Who NOTIFYs (Postgres delivers a NOTIFY at commit, and folds
 * those of one transaction with the same payload into one):
 * - the trigger `notifications_notify_deliveries` (AFTER INSERT ON notifications,
 *   FOR EACH STATEMENT, function notify_heinrich_deliveries(); migration
 *   prisma/migrations/20261128215224_delivery_planning): the engine's new pages,
 *   without a hook in its code;
 * - code that writes or moves deliveries: insertDeliveries (insert-deliveries.ts),
 *   the fallback and provider status callbacks (usecases delivery/fall-back.ts,
 *   record-delivery-status.ts), with `SELECT pg_notify(DELIVERIES_CHANNEL, '')`.
 */
export async function listenForDeliveries(
  url: string,
  handlers: { onNotify(): void; onError(err: Error): void },
): Promise<{ close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'heinrich-worker-delivery' });
  client.on('error', handlers.onError);
  client.on('notification', () => handlers.onNotify());
  try {
    await client.connect();
    await client.query(`LISTEN ${DELIVERIES_CHANNEL}`);
  } catch (err) {
    handlers.onError(err as Error);
  }
  return { close: () => client.end().catch(() => {}) };
}
