import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { moveDeliveryDue, unmarkEnqueued, type DispatchRow } from '@heinrich/db/delivery/find-deliveries-to-dispatch';
import { DELIVERY_JOB, deliveryJobId, type DeliveryJob } from '@heinrich/jobs/queues';
import type { Queue } from 'bullmq';
import type { Context } from '../context';

/** Job states in which a job still runs by itself: nothing to add. */
const PENDING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Adds a delayed job per delivery (marked enqueued by a committed
 * transaction) to its provider's queue: id from the delivery and its due time,
 * so adding one twice is a no-op. A delivery whose job may be lost (`lost`) is
 * looked up first: a job still waiting or delayed is left alone (a provider's
 * backlog); none (Redis flushed) is added again; one kept as completed or
 * failed, or active (held by a worker that died before claiming) would make the
 * add a no-op, so the delivery moves to a new due time (a new job id) and that
 * job is added. Never throws: when Redis refuses, the rows are unmarked and the
 * dispatcher's next pass adds them. Returns how many were added.
 */
export async function addDeliveryJobs(ctx: Pick<Context, 'db' | 'logger' | 'now'>, queues: ReadonlyMap<ContactMethodType, Queue>, rows: DispatchRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const byChannel = new Map<string, DispatchRow[]>();
  for (const row of rows) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
  const now = ctx.now();
  let added = 0;
  await Promise.all(
    [...byChannel].map(async ([channel, rowsOfChannel]) => {
      const queue = queues.get(channel as ContactMethodType);
      try {
        if (!queue) throw new Error(`no queue for ${channel}`);
        const batch = (await Promise.all(rowsOfChannel.map((r) => (r.lost ? revive(ctx, queue, r, now) : Promise.resolve(r))))).filter((r) => r !== undefined);
        if (batch.length === 0) return;
        await queue.addBulk(
          batch.map((r) => ({
            name: DELIVERY_JOB,
            data: { deliveryId: r.id, dueAt: r.dueAt.toISOString() } satisfies DeliveryJob,
            opts: { jobId: deliveryJobId(r.id, r.dueAt), delay: Math.max(0, r.dueAt.getTime() - now.getTime()) },
          })),
        );
        added += batch.length;
      } catch (err) {
        ctx.logger.warn({ err: (err as Error).message, channel, count: rowsOfChannel.length }, 'delivery jobs not enqueued: the next dispatch pass tries again');
        await unmarkEnqueued(ctx.db.pool, rowsOfChannel.map((r) => r.id)).catch(() => {});
      }
    }),
  );
  return added;
}

/** A delivery whose job may be lost: what to add for it (undefined: nothing, its job still runs or the row moved on). */
async function revive(ctx: Pick<Context, 'db' | 'logger'>, queue: Queue, row: DispatchRow, now: Date): Promise<DispatchRow | undefined> {
  const state = await queue.getJobState(deliveryJobId(row.id, row.dueAt));
  if (PENDING.has(state)) return undefined;
  if (state === 'unknown') return row;
  const dueAt = await moveDeliveryDue(ctx.db.pool, row.id, row.dueAt, now);
  if (!dueAt) return undefined;
  ctx.logger.warn({ deliveryId: row.id, channel: row.channel, jobState: state }, 'delivery still queued but its job is done or held by a worker that stopped: added again');
  return { ...row, dueAt, lost: false };
}
