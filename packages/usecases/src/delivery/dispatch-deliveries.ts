import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { loadDelivery } from '@heinrich/db/delivery/delivery-row';
import { findDeliveriesToDispatch, type DispatchRow } from '@heinrich/db/delivery/find-deliveries-to-dispatch';
import { cancelDeliveriesOfStoppedIncidents } from '@heinrich/db/delivery/insert-deliveries';
import { requeueExpiredLeases } from '@heinrich/db/delivery/requeue-expired-leases';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Queue } from 'bullmq';
import type { Context } from '../context';
import { addDeliveryJobs } from './add-delivery-jobs';
import { planPendingPages } from './plan-pending-pages';
import { markUnavailable } from './run-delivery';

export interface DispatchDeps {
  /** the queue of each configured channel */
  queues: ReadonlyMap<ContactMethodType, Queue>;
  /** a queued delivery due this long ago is assumed to have lost its job and is added again */
  lostAfterMs: number;
  batchSize?: number;
}

/**
 * One pass of delivery: queues again the deliveries whose worker died while
 * sending them (lease expired, requeueExpiredLeases), cancels what acknowledged
 * incidents no longer need, plans new pages (planPendingPages), and moves
 * queued deliveries to their provider's queue: a delayed job each (id
 * from the delivery and its due time), added after the transaction that marks
 * them enqueued commits. A channel without a provider is recorded unavailable
 * and the next method started, in that transaction. Woken by the NOTIFY of
 * every commit that writes deliveries, and by a timer as the backstop that also
 * re-adds the jobs Redis lost. Returns how many jobs were added.
 */
export async function dispatchDeliveries(
  ctx: Pick<Context, 'db' | 'logger' | 'now'>,
  deps: DispatchDeps,
): Promise<{ enqueued: number; unavailable: number; /** the channel of each delivery recorded unavailable */ unavailableChannels: string[]; /** deliveries queued again after their lease expired */ requeued: number }> {
  const now = ctx.now();
  const { toQueue, unavailable, requeued } = await withTransaction(ctx.db.pool, async (client) => {
    // first: one whose incident was acknowledged meanwhile is then cancelled by the next statement
    const requeued = await requeueExpiredLeases(client, now);
    await cancelDeliveriesOfStoppedIncidents(client, now);
    await planPendingPages(client, now);
    const rows = await findDeliveriesToDispatch(client, { at: now, lostBefore: new Date(now.getTime() - deps.lostAfterMs), limit: deps.batchSize ?? 500 });
    const configured = new Set(deps.queues.keys());
    const out: DispatchRow[] = [];
    const missing: string[] = [];
    for (const row of rows) {
      if (deps.queues.has(row.channel as ContactMethodType)) {
        out.push(row);
        continue;
      }
      const d = await loadDelivery(client, row.id);
      if (d) await markUnavailable(client, d, configured, now);
      missing.push(row.channel);
    }
    return { toQueue: out, unavailable: missing, requeued };
  });
  if (requeued.length > 0) {
    ctx.logger.warn({ deliveryIds: requeued, count: requeued.length }, 'deliveries queued again: their lease expired (the worker sending them stopped); the provider may get them twice');
  }
  const enqueued = await addDeliveryJobs(ctx, deps.queues, toQueue);
  return { enqueued, unavailable: unavailable.length, unavailableChannels: unavailable, requeued: requeued.length };
}
