import type { WorkerConfig } from '@heinrich/config/load-config';
import type { Logger } from '@heinrich/config/logger';
import { createProducerRedis, createQueue, createWorkerRedis } from '@heinrich/jobs/create-queue';
import { INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import { countOutboxBacklog } from '@heinrich/usecases/outbox/count-outbox-backlog';
import { relayStaleOutbox } from '@heinrich/usecases/outbox/relay-stale-outbox';
import { bullmqOutboxPublisher } from '@heinrich/usecases/outbox-publisher';
import { Worker } from 'bullmq';
import { incidentEventHandler } from './handlers/incident-event.handler';
import { startHealthServer, type HealthServer } from './health-server';
import { startOutboxRelay } from './outbox-relay';
import { createWorkerMetrics, type WorkerMetrics } from './worker-metrics';

/** Jobs one process runs at once; each holds a Postgres connection for its transaction. */
const CONCURRENCY = 8;

export interface WorkerDeps {
  config: WorkerConfig;
  logger: Logger;
  /** built by the caller (main.ts or a test), which also closes it */
  db: Context['db'];
  pingDatabase(): Promise<boolean>;
  now?: () => Date;
}

export interface WorkerRuntime {
  /** the health/metrics server's port (config.port, or the one picked for 0) */
  port: number;
  metrics: WorkerMetrics;
  /**
   * Graceful stop: relay timer off (a pass in flight finishes), `worker.close()`
   * lets in-flight jobs finish, then the queue, the Redis connections and the
   * health server close. The database is the caller's. Unbounded: the caller
   * puts a deadline on it.
   */
  close(): Promise<void>;
}

/**
 * The whole worker process minus config, logger and database: the BullMQ
 * worker on the incident-events queue, the outbox relay timer and the health
 * server. main.ts calls it; integration tests run it in-process against their
 * own database and Redis prefix.
 */
export async function startWorker(deps: WorkerDeps): Promise<WorkerRuntime> {
  const { config, logger } = deps;

  // producer side (relay, publisher): fails fast while Redis is away
  const producerRedis = createProducerRedis(config.redisUrl);
  producerRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis producer connection error'));
  const queue = createQueue(INCIDENT_EVENTS_QUEUE, producerRedis, config.redisPrefix);
  queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));

  const ctx: Context = {
    db: deps.db,
    logger,
    publisher: bullmqOutboxPublisher(queue, logger),
    now: deps.now ?? (() => new Date()),
  };
  const metrics = createWorkerMetrics({ backlog: () => countOutboxBacklog(ctx) });

  const workerRedis = createWorkerRedis(config.redisUrl);
  workerRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis worker connection error'));
  const worker = new Worker(INCIDENT_EVENTS_QUEUE, incidentEventHandler({ ctx, logger, metrics }), {
    connection: workerRedis,
    prefix: config.redisPrefix,
    concurrency: CONCURRENCY,
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
  worker.on('failed', (job, err) => {
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed');
  });

  const relay = startOutboxRelay({
    logger,
    intervalMs: config.outboxRelayIntervalMs,
    pass: () => relayStaleOutbox(ctx, queue, { staleAfterMs: config.outboxStaleAfterMs }),
    redisReady: () => producerRedis.status === 'ready',
    onRelayed: (count) => metrics.outboxRelayed.inc(count),
  });

  const closeQueueSide = async () => {
    await relay.stop();
    await worker.close();
    await queue.close().catch(() => {});
    workerRedis.disconnect();
    producerRedis.disconnect();
  };

  let server: HealthServer;
  try {
    server = await startHealthServer({
      port: config.port,
      logger,
      registry: metrics.registry,
      metricsToken: config.metricsToken,
      pingDatabase: deps.pingDatabase,
      redisStatus: () => ({ worker: workerRedis.status, producer: producerRedis.status }),
    });
  } catch (err) {
    await closeQueueSide();
    throw err;
  }
  logger.info(
    { port: server.port, queue: INCIDENT_EVENTS_QUEUE, concurrency: CONCURRENCY, relayIntervalMs: config.outboxRelayIntervalMs },
    'worker started',
  );

  let closing: Promise<void> | undefined;
  return {
    port: server.port,
    metrics,
    close() {
      closing ??= (async () => {
        await closeQueueSide();
        // last: /healthz keeps answering while in-flight jobs drain
        await server.close();
      })();
      return closing;
    },
  };
}
