import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { unmarkEnqueued, type DispatchRow } from '@heinrich/db/delivery/find-deliveries-to-dispatch';
import { DELIVERY_JOB, deliveryJobId, type DeliveryJob } from '@heinrich/jobs/queues';
import type { Queue } from 'bullmq';
import type { Context } from '../context';

/**
 * Adds a delayed job per delivery (marked enqueued by a committed
 * transaction) to its provider's queue: id from the delivery and its due time,
 * so adding one twice is a no-op. Never throws: when Redis refuses, the rows
 * are unmarked and the dispatcher's next pass adds them. Returns how many were added.
 */
export async function addDeliveryJobs(ctx: Pick<Context, 'db' | 'logger' | 'now'>, queues: ReadonlyMap<ContactMethodType, Queue>, rows: DispatchRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const byChannel = new Map<string, DispatchRow[]>();
  for (const row of rows) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
  const now = ctx.now().getTime();
  let added = 0;
  await Promise.all(
    [...byChannel].map(async ([channel, batch]) => {
      const queue = queues.get(channel as ContactMethodType);
      try {
        if (!queue) throw new Error(`no queue for ${channel}`);
        await queue.addBulk(
          batch.map((r) => ({
            name: DELIVERY_JOB,
            data: { deliveryId: r.id, dueAt: r.dueAt.toISOString() } satisfies DeliveryJob,
            opts: { jobId: deliveryJobId(r.id, r.dueAt), delay: Math.max(0, r.dueAt.getTime() - now) },
          })),
        );
        added += batch.length;
      } catch (err) {
        ctx.logger.warn({ err: (err as Error).message, channel, count: batch.length }, 'delivery jobs not enqueued: the next dispatch pass tries again');
        await unmarkEnqueued(ctx.db.pool, batch.map((r) => r.id)).catch(() => {});
      }
    }),
  );
  return added;
}
