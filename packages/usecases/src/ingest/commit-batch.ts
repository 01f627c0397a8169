import { withTransaction } from '@heinrich/db/with-transaction';
import type pg from 'pg';
import type { Context } from '../context';
import { applyIngestBatch, type BatchDelivery } from './apply-ingest-batch';
import { ingestLocks } from './ingest-locks';
import { ingestStatementTimeoutMs } from './ingest-statement-timeout';
import type { IngestSummary } from './ingest-summary';

export interface CommitBatchInput {
  /** the (service, group key hash) pairs the deliveries can touch: their advisory locks */
  groups: { serviceId: string; keyHash: string }[];
  /** the deliveries, read inside the transaction (under the locks) when they depend on it */
  load(client: pg.PoolClient): Promise<BatchDelivery[]>;
  /** more writes in the same transaction, once the deliveries are applied */
  after?(client: pg.PoolClient, summaries: Omit<IngestSummary, 'deferred' | 'flapSuppressed'>[]): Promise<void>;
}

/**
 * The one way ingest commits: ONE transaction holding the groups' advisory
 * locks (see ingestLocks) applies the deliveries (and `after`), then their outbox rows are
 * enqueued. Used by group commit, the events API and manual incidents.
 */
export async function commitBatch(ctx: Context, input: CommitBatchInput): Promise<IngestSummary[]> {
  const committed = await withTransaction(
    ctx.db.pool,
    async (client) => {
      const result = await applyIngestBatch(client, await input.load(client));
      await input.after?.(client, result.summaries);
      return result;
    },
    { locks: ingestLocks(input.groups), statementTimeoutMs: ingestStatementTimeoutMs(input.groups.length) },
  );
  const { failed } = await ctx.publisher.publish(committed.outboxIds);
  return committed.summaries.map((s, i) => ({
    ...s,
    deferred: failed > 0 ? committed.outboxOwners.filter((owner) => owner === i).length : 0,
    flapSuppressed: committed.flapSuppressed[i] ?? 0,
  }));
}

/** commitBatch's input for deliveries already known. */
export function knownDeliveries(deliveries: BatchDelivery[]): CommitBatchInput {
  return {
    groups: deliveries.flatMap((d) => d.alerts.map((a) => ({ serviceId: d.serviceId, keyHash: a.group.keyHash }))),
    load: async () => deliveries,
  };
}
