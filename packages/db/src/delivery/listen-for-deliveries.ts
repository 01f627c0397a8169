import pg from 'pg';
import { DELIVERIES_CHANNEL } from './insert-deliveries';

/**
 * A connection of its own (not from the pool: it stays open) that LISTENs on
 * heinrich_deliveries: `onNotify` runs after every commit that wrote pages or
 * deliveries. Errors go to `onError`; the caller's timer covers the gaps.
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
