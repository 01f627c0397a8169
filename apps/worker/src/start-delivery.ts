import type { WorkerConfig } from '@heinrich/config/load-config';
import type { Logger } from '@heinrich/config/logger';
import { CONTACT_METHOD_TYPES, type ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { createProducerRedis, createWorkerRedis } from '@heinrich/jobs/create-queue';
import { deliveryQueueName } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import { listenForDeliveries } from '@heinrich/usecases/delivery/listen-for-deliveries';
import type { DeliverySender } from '@heinrich/usecases/delivery/run-delivery';
import { dispatchDeliveries } from '@heinrich/usecases/delivery/dispatch-deliveries';
import { Queue, Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { wrapSenders } from './delivery-senders';
import { deliveryHandler } from './handlers/delivery.handler';
import { startPassRunner } from './runtime/pass-runner';
import { createDeliveryMetrics, type DeliveryMetrics } from './worker-metrics';

/** The longest wait between two tries of one delivery. */
const MAX_BACKOFF_MS = 5 * 60_000;
const CONCURRENCY = 8;
/** The least time between the starts of two dispatch passes in a row. */
const PASS_GAP_MS = 50;

export interface DeliveryRuntime {
  /** one dispatch pass now (tests; the timer and NOTIFY call it too) */
  kick(): Promise<void>;
  queues: ReadonlyMap<ContactMethodType, Queue>;
  /** ioredis status of the delivery connections, e.g. { producer: 'ready', 'deliver-webhook': 'ready' } */
  redisStatus(): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Delivery in the worker process: a queue and a BullMQ worker per configured
 * provider (log and webhook always; sms and voice with Twilio credentials, slack
 * with SLACK_BOT_TOKEN; a channel without one has its deliveries recorded
 * unavailable and the next method is used), and the dispatcher, a pass runner
 * woken by LISTEN heinrich_deliveries (DELIVERIES_CHANNEL of
 * packages/db/src/delivery/insert-deliveries.ts) and by a timer (the backstop
 * for lost NOTIFYs and lost jobs). The NOTIFY comes at the commit of the
 * engine's pages from the trigger `notifications_notify_deliveries` (migration
 * 20261128215224_delivery_planning), and from code that writes or moves
 * deliveries (listen-for-deliveries.ts lists it).
 */
export async function startDelivery(deps: {
  config: WorkerConfig;
  logger: Logger;
  db: Context['db'];
  /** the providers by channel (buildSenders of @heinrich/providers, in main.ts) */
  senders: ReadonlyMap<ContactMethodType, DeliverySender>;
  /** the worker's (startWorker); default: a registry of its own */
  metrics?: DeliveryMetrics;
  now?: () => Date;
}): Promise<DeliveryRuntime> {
  const { config, logger, senders } = deps;
  const metrics = deps.metrics ?? createDeliveryMetrics(new Registry());
  const ctx = { db: deps.db, logger, now: deps.now ?? (() => new Date()) };
  const configured = new Set(senders.keys());
  // said once at start, so whoever reads the worker's log knows why such pages go elsewhere
  const unconfigured = CONTACT_METHOD_TYPES.filter((type) => !configured.has(type));
  if (unconfigured.length > 0) {
    logger.info(
      { unavailable: unconfigured },
      `no credentials for ${unconfigured.join(', ')}: pages to these contact methods are recorded unavailable and go to the person's next method (docs/slack.md, docs/twilio.md)`,
    );
  }

  const producerRedis = createProducerRedis(config.redisUrl);
  producerRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis delivery producer connection error'));
  const wrapped = wrapSenders({ ctx, publicUrl: config.publicUrl, metrics }, senders);
  const queues = new Map<ContactMethodType, Queue>();
  const workers: Worker[] = [];
  const workerRedis = new Map<string, ReturnType<typeof createWorkerRedis>>();
  for (const channel of wrapped.channels) {
    const queue = new Queue(deliveryQueueName(channel), {
      connection: producerRedis,
      prefix: config.redisPrefix,
      defaultJobOptions: {
        attempts: config.deliveryAttempts,
        backoff: { type: 'delivery' },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    queue.on('error', (err) => logger.warn({ err: err.message, channel }, 'delivery queue error'));
    queues.set(channel, queue);
    const redis = createWorkerRedis(config.redisUrl);
    redis.on('error', (err) => logger.debug({ err: err.message }, 'redis delivery worker connection error'));
    workerRedis.set(deliveryQueueName(channel), redis);
    const worker = new Worker(
      deliveryQueueName(channel),
      deliveryHandler({ ctx, logger, metrics, channel, queue, senders: wrapped, publicUrl: config.publicUrl, leaseMs: config.deliveryLeaseMs }),
      {
        connection: redis,
        prefix: config.redisPrefix,
        concurrency: CONCURRENCY,
        // per provider (DELIVERY_RATE_LIMITS, else DELIVERY_RATE_PER_SECOND), across all workers: BullMQ keeps
        // the count per queue in Redis, so a slow provider never holds up another. A limiter must also be set
        // for queue.rateLimit (Retry-After) to be honoured (PROTOCOLS.md 4.5).
        limiter: { max: rateLimitOf(config, channel), duration: 1000 },
        settings: { backoffStrategy: (attemptsMade: number) => Math.min(config.deliveryBackoffMs * 2 ** Math.max(0, attemptsMade - 1), MAX_BACKOFF_MS) },
      },
    );
    worker.on('error', (err) => logger.warn({ err: err.message, channel }, 'delivery worker error'));
    worker.on('failed', (job, err) => logger.info({ jobId: job?.id, channel, attemptsMade: job?.attemptsMade, err: err.message }, 'delivery attempt failed'));
    workers.push(worker);
  }

  // one pass at a time; a wake-up during a pass runs one more after it, but not
  // sooner than PASS_GAP_MS after the previous one began: under load every commit
  // NOTIFYs, and back-to-back passes would take CPU and connections from the sends
  const runner = startPassRunner({
    logger,
    failure: 'delivery dispatch failed',
    intervalMs: config.deliverySweepIntervalMs,
    minGapMs: PASS_GAP_MS,
    pass: async () => {
      const outcome = await dispatchDeliveries(ctx, { queues, lostAfterMs: config.deliveryLostAfterMs });
      for (const channel of outcome.unavailableChannels) metrics.deliveries.inc({ channel, outcome: 'unavailable' });
    },
  });
  const listener = await listenForDeliveries(config.databaseUrl, {
    onNotify: () => void runner.wake(),
    onError: (err) => logger.warn({ err: err.message }, 'delivery listener error: the timer still dispatches'),
  });
  // once listening: a commit after this NOTIFYs, this pass covers every one before
  void runner.wake();

  return {
    kick: runner.wake,
    queues,
    redisStatus: () => ({ producer: producerRedis.status, ...Object.fromEntries([...workerRedis].map(([name, r]) => [name, r.status])) }),
    async close() {
      await runner.stop();
      await listener.close();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => {})));
      for (const r of workerRedis.values()) r.disconnect();
      producerRedis.disconnect();
    },
  };
}

/** Sends per second for a provider's queue. */
export function rateLimitOf(config: Pick<WorkerConfig, 'deliveryRateLimits' | 'deliveryRatePerSecond'>, channel: ContactMethodType): number {
  return config.deliveryRateLimits[channel] ?? config.deliveryRatePerSecond;
}
