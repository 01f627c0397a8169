import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import type { Database } from '@heinrich/db/create-database';
import type pg from 'pg';
import type { Context } from '../context';
import type { BatchDelivery } from './apply-ingest-batch';
import { commitBatch } from './commit-batch';
import { IngestCoalescer } from './ingest-coalescer';
import type { IngestSummary } from './ingest-summary';

export type { IngestSummary };

export interface IngestInput extends Omit<BatchDelivery, 'alerts'> {
  /** the occurrences, or a function computing them inside the transaction (events API) */
  alerts: IncomingAlert[] | ((client: pg.PoolClient) => Promise<IncomingAlert[]>);
  /** with function-form alerts: the group key hashes they can belong to (their locks) */
  groups?: string[];
}

/**
 * Transactions in flight at once per process. Fewer means bigger batches: on the
 * 2-core reference machine (npm run bench, 16 senders) 1 gave ~5.4k alerts/s,
 * 2 ~4.8k, 4 ~4.4k, 8 ~3.8k. Two, so one slow transaction (a lock wait behind
 * another replica) never stalls the whole process's ingest. Each holds a pool
 * connection; the rest of the pool stays free for key lookups and the admin API.
 */
const MAX_IN_FLIGHT = 2;
const MAX_ALERTS_PER_BATCH = 5_000;

/** One coalescer per database handle (i.e. per process, or per test app). */
const coalescers = new WeakMap<Database, IngestCoalescer>();

/**
 * Ingest one delivery, committed in Postgres before this resolves: known
 * occurrences are updated (dedup), new ones join their group's open incident or
 * open one, resolutions are applied, and every lifecycle change is written to the
 * timeline and the outbox; then the outbox rows are enqueued.
 *
 * Deliveries touching the same groups are serialized by advisory locks taken
 * with BEGIN, so twenty copies of one notification (HA Alertmanagers, retries)
 * give exactly one incident and one `opened`. Under load, deliveries share
 * transactions (see IngestCoalescer).
 */
export async function ingestAlerts(ctx: Context, input: IngestInput): Promise<IngestSummary> {
  const { alerts, groups, ...delivery } = input;
  if (Array.isArray(alerts)) return coalescerOf(ctx).submit({ ...delivery, alerts });
  // the occurrences depend on what the transaction reads (events API): alone, under its group locks
  const [summary] = await commitBatch(ctx, {
    groups: (groups ?? []).map((keyHash) => ({ serviceId: input.serviceId, keyHash })),
    load: async (client) => [{ ...delivery, alerts: await alerts(client) }],
  });
  return summary!;
}

/**
 * Several deliveries of one request committed together, in ONE transaction
 * (group commit may add other requests' deliveries to it): a service key's
 * alerts, some of which its alert rules routed to other services
 * (routeByAlertRules). One summary per delivery, in order.
 */
export async function ingestDeliveries(ctx: Context, deliveries: BatchDelivery[]): Promise<IngestSummary[]> {
  return coalescerOf(ctx).submitAll(deliveries);
}

function coalescerOf(ctx: Context): IngestCoalescer {
  let coalescer = coalescers.get(ctx.db);
  if (!coalescer) {
    coalescer = new IngestCoalescer(ctx, { maxInFlight: MAX_IN_FLIGHT, maxAlertsPerBatch: MAX_ALERTS_PER_BATCH });
    coalescers.set(ctx.db, coalescer);
  }
  return coalescer;
}
