import type { Logger } from '@heinrich/config/logger';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { deliveryJob } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import { runDelivery, type DeliveryOutcome } from '@heinrich/usecases/delivery/run-delivery';
import { DelayedError, RateLimitError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { DeliverySenders } from '../delivery-senders';
import type { DeliveryMetrics } from '../worker-metrics';

/** A job that found another claim's live lease comes back this long after the lease ends. */
const HELD_MARGIN_MS = 1_000;

/**
 * Processor of one channel's `deliver-<channel>` jobs: parse the IDs-only
 * payload, run the delivery under its claim (a duplicate or late job does
 * nothing), log and count the page, and turn the outcome into what BullMQ
 * understands: retry (an Error, with backoff), a provider's pause
 * (queue.rateLimit + RateLimitError: this queue only, no attempt used),
 * failed (UnrecoverableError; the next method was started), or, when another
 * claim's lease is live, back to delayed until it ends (moveToDelayed +
 * DelayedError).
 */
export function deliveryHandler(deps: {
  ctx: Pick<Context, 'db' | 'now'>;
  logger: Logger;
  metrics: DeliveryMetrics;
  channel: ContactMethodType;
  /** the channel's queue: a provider's Retry-After pauses it */
  queue: Queue;
  senders: DeliverySenders;
  publicUrl: string;
  leaseMs: number;
}) {
  const { ctx, logger, metrics, channel } = deps;

  /** the worker's line for a page: which incident (number, title, link), who, how, what came of it */
  const logPage = (outcome: DeliveryOutcome): void => {
    if (outcome.status === 'skipped' || outcome.status === 'held') return;
    const { page } = outcome;
    const fields = { deliveryId: page.deliveryId, channel, incidentNumber: page.incidentNumber, title: page.title, link: page.link, user: page.user, attempt: page.attempt };
    if (outcome.status === 'sent') logger.info({ ...fields, providerId: outcome.providerId }, 'page sent');
    else if (outcome.status === 'retry') logger.warn({ ...fields, err: outcome.error }, 'page not sent, trying again');
    else logger.warn({ ...fields, err: outcome.error, fallback: outcome.fallback }, 'page failed');
  };

  return async (job: Job, token?: string): Promise<DeliveryOutcome> => {
    const payload = deliveryJob.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`Job ${job.id} has an invalid delivery payload: ${payload.error.message}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const dueAt = new Date(payload.data.dueAt);
    const outcome = await runDelivery(
      ctx,
      { deliveryId: payload.data.deliveryId, dueAt },
      {
        sender: deps.senders.forJob(channel, job.attemptsMade === 0 ? dueAt : undefined),
        configured: deps.senders.channels,
        publicUrl: deps.publicUrl,
        finalAttempt,
        leaseMs: deps.leaseMs,
      },
    );
    if (outcome.status === 'held') {
      // a stalled job re-run while the claim of the worker that had it may still be live (kill -9): it must not
      // complete, or nothing sends the page if that worker is gone; it comes back after the lease (and may take over)
      const waitMs = Math.max(0, outcome.leaseUntil.getTime() - ctx.now().getTime()) + HELD_MARGIN_MS;
      logger.info({ jobId: job.id, deliveryId: payload.data.deliveryId, channel, waitMs }, 'delivery claimed by another worker: this job checks again after its lease');
      // BullMQ's delay is on the wall clock (Redis compares it with its own time)
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    logPage(outcome);
    if (outcome.status !== 'skipped') metrics.deliveries.inc({ channel, outcome: outcome.status });
    if (outcome.status === 'retry') {
      if (outcome.retryAfterMs !== undefined) {
        // the provider asked for a pause: this provider's queue waits, the others go on
        await deps.queue.rateLimit(Math.max(1, outcome.retryAfterMs));
        throw new RateLimitError();
      }
      throw new Error(outcome.error);
    }
    if (outcome.status === 'failed') throw new UnrecoverableError(`${outcome.error}; ${outcome.fallback}`);
    return outcome;
  };
}
