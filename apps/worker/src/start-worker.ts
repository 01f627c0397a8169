import type { WorkerConfig } from '@heinrich/config/load-config';
import type { Logger } from '@heinrich/config/logger';
import { createProducerRedis, createQueue, createWorkerRedis } from '@heinrich/jobs/create-queue';
import { countQueueConsumers } from '@heinrich/jobs/count-queue-consumers';
import { countQueueJobs } from '@heinrich/jobs/count-queue-jobs';
import { pingRedis } from '@heinrich/jobs/ping-redis';
import { ESCALATIONS_QUEUE, INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { Context } from '@heinrich/usecases/context';
import { countDeliveryBacklog } from '@heinrich/usecases/delivery/count-delivery-backlog';
import type { DeliverySender } from '@heinrich/usecases/delivery/run-delivery';
import { bullmqEscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import { sweepDueEscalations } from '@heinrich/usecases/escalation/sweep-due-escalations';
import { countOutboxBacklog } from '@heinrich/usecases/outbox/count-outbox-backlog';
import { heartbeatGauges } from '@heinrich/usecases/heartbeats/heartbeat-gauges';
import { probeLastSuccess } from '@heinrich/usecases/probe/probe-last-success';
import { relayStaleOutbox } from '@heinrich/usecases/outbox/relay-stale-outbox';
import { bullmqOutboxPublisher } from '@heinrich/usecases/outbox-publisher';
import { Worker } from 'bullmq';
import { startEscalationSweeper } from './escalation-sweeper';
import { escalationStepHandler } from './handlers/escalation-step.handler';
import { incidentEventHandler } from './handlers/incident-event.handler';
import { startHealthServer, type HealthServer } from './health-server';
import { startOutboxRelay } from './outbox-relay';
import { startDelivery, type DeliveryRuntime } from './start-delivery';
import { startHeartbeatChecker } from './heartbeat-checker';
import { startProbeRunner } from './probe-runner';
import type { PassRunner } from './runtime/pass-runner';
import { startSilencePoller } from './silence-poller';
import { startMaintenanceReleaser } from './maintenance-releaser';
import { startTeamDigests } from './team-digests';
import { configuredChannels } from '@heinrich/core/delivery/configured-channels';
import { startStormEnder } from './storm-ender';
import { startFlapEnder } from './flap-ender';
import { startOutboundHeartbeat } from './outbound-heartbeat';
import { startSlackSync } from './start-slack-sync';
import type { SlackSyncDeps } from '@heinrich/usecases/slack/sync-slack-incident';
import { watchCredentials } from '@heinrich/config/watch-credentials';
import { createWorkerMetrics, observeEscalation, type WorkerMetrics } from './worker-metrics';

/** Jobs one process runs at once; each holds a Postgres connection for its transaction. */
const CONCURRENCY = 8;

export interface WorkerDeps {
  config: WorkerConfig;
  logger: Logger;
  /** built by the caller (main.ts or a test), which also closes it */
  db: Context['db'];
  pingDatabase(): Promise<boolean>;
  /**
   * The providers by channel (buildSenders, in main.ts; startDelivery wraps
   * them, delivery-senders.ts): delivery runs in this runtime (its queues in
   * /readyz, its metrics in /metrics). Without: no delivery here.
   */
  senders?: ReadonlyMap<ContactMethodType, DeliverySender>;
  /** the Slack Web API client (SLACK_BOT_TOKEN, in main.ts): keeps Slack messages true in place (start-slack-sync.ts) */
  slack?: SlackSyncDeps['slack'];
  now?: () => Date;
}

export interface WorkerRuntime {
  /** the health/metrics server's port (config.port, or the one picked for 0) */
  port: number;
  metrics: WorkerMetrics;
  /** when started with senders */
  delivery?: DeliveryRuntime;
  /** the synthetic probe's runner, when PROBE_ENABLED (tests wake it) */
  probe?: PassRunner;
  /**
   * Graceful stop: every pass runner stopped (a pass in flight finishes),
   * `worker.close()` lets in-flight jobs finish, then the queues, the Redis
   * connections and the health server close. The database is the caller's.
   * Unbounded: the caller puts a deadline on it.
   */
  close(): Promise<void>;
}

/**
 * The whole worker process minus config, logger and database: the BullMQ
 * workers (incident-events, escalations; delivery's per provider), the passes
 * on their runners (delivery dispatch, Slack sync, outbox relay, escalation
 * sweep, silence poll, heartbeat check, outbound heartbeat, probe; runtime/pass-runner.ts) and the health server. main.ts
 * calls it; integration tests run it in-process against their own database and
 * Redis prefix.
 */
export async function startWorker(deps: WorkerDeps): Promise<WorkerRuntime> {
  const { config, logger } = deps;

  // producer side (relay, publisher): fails fast while Redis is away
  const producerRedis = createProducerRedis(config.redisUrl);
  producerRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis producer connection error'));
  const queue = createQueue(INCIDENT_EVENTS_QUEUE, producerRedis, config.redisPrefix);
  queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));
  const escalationQueue = createQueue(ESCALATIONS_QUEUE, producerRedis, config.redisPrefix);
  escalationQueue.on('error', (err) => logger.warn({ err: err.message }, 'escalation queue error'));

  const ctx: Context = {
    db: deps.db,
    logger,
    publisher: bullmqOutboxPublisher(queue, logger),
    now: deps.now ?? (() => new Date()),
  };
  const scheduler = bullmqEscalationScheduler(escalationQueue, logger, ctx.now);
  // every queue this process consumes (delivery's once it started): their depths in /metrics,
  // their consumers for the outbound heartbeat
  const consumedQueues = () => [queue, escalationQueue, ...(delivery?.queues.values() ?? [])];
  const metrics = createWorkerMetrics({
    backlog: () => countOutboxBacklog(ctx),
    deliveryBacklog: () => countDeliveryBacklog(ctx),
    heartbeats: () => heartbeatGauges(ctx),
    redisUp: () => pingRedis(producerRedis),
    queueJobs: () => countQueueJobs(consumedQueues()),
    outboundHeartbeatSince: config.outboundHeartbeat.configured ? ctx.now().getTime() : undefined,
    probe: { enabled: config.probe.enabled, lastSuccess: () => probeLastSuccess(ctx) },
  });
  // credentials given as files are read again; a rotated token is used at the next send
  const stopWatchingCredentials = watchCredentials(config.credentials, {
    intervalMs: config.credentialPollIntervalMs,
    logger,
    onReload: (r) => metrics.credentialReloads.inc({ credential: r.key, result: r.applied ? 'applied' : 'refused' }),
  });
  const delivery = deps.senders ? await startDelivery({ config, logger, db: deps.db, senders: deps.senders, metrics: metrics.delivery, now: ctx.now }) : undefined;
  const slackSync = deps.slack
    ? await startSlackSync({ db: deps.db, logger, databaseUrl: config.databaseUrl, sync: { slack: deps.slack, publicUrl: config.publicUrl } })
    : undefined;

  const workerRedis = createWorkerRedis(config.redisUrl);
  workerRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis worker connection error'));
  const worker = new Worker(INCIDENT_EVENTS_QUEUE, incidentEventHandler({ ctx, logger, metrics, scheduler }), {
    connection: workerRedis,
    prefix: config.redisPrefix,
    concurrency: CONCURRENCY,
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
  worker.on('failed', (job, err) => {
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed');
  });
  // escalation steps: a worker (and blocking connection) of their own, so a backlog of
  // incident events never delays a step that falls due
  const escalationRedis = createWorkerRedis(config.redisUrl);
  escalationRedis.on('error', (err) => logger.debug({ err: err.message }, 'redis escalation worker connection error'));
  const escalationWorker = new Worker(ESCALATIONS_QUEUE, escalationStepHandler({ ctx, logger, metrics, scheduler }), {
    connection: escalationRedis,
    prefix: config.redisPrefix,
    concurrency: CONCURRENCY,
  });
  escalationWorker.on('error', (err) => logger.warn({ err: err.message }, 'escalation worker error'));
  escalationWorker.on('failed', (job, err) => {
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'escalation job failed');
  });

  const relay = startOutboxRelay({
    logger,
    intervalMs: config.outboxRelayIntervalMs,
    pass: () => relayStaleOutbox(ctx, queue, { staleAfterMs: config.outboxStaleAfterMs }),
    redisReady: () => producerRedis.status === 'ready',
    onRelayed: (count) => metrics.outboxRelayed.inc(count),
  });

  const sweeper = startEscalationSweeper({
    logger,
    intervalMs: config.escalationSweepIntervalMs,
    pass: () => sweepDueEscalations(ctx, { graceMs: config.escalationSweepGraceMs, scheduler }),
    onSwept: (outcome) => {
      if (outcome.ran > 0) metrics.escalationSwept.inc(outcome.ran);
      for (const ms of outcome.lateMs) metrics.escalationLateness.observe({ path: 'sweeper' }, ms / 1000);
      observeEscalation(metrics, outcome.effects);
    },
  });

  const silencePoller = startSilencePoller({ ctx, logger, intervalMs: config.silencePollIntervalMs, restartGraceMs: config.silencePollRestartGraceMs });
  const heartbeatChecker = startHeartbeatChecker({ ctx, logger, intervalMs: config.heartbeatCheckIntervalMs });

  const outboundHeartbeat = metrics.outboundHeartbeat
    ? startOutboundHeartbeat({
        ctx,
        logger,
        intervalMs: config.outboundHeartbeat.intervalMs,
        metrics: metrics.outboundHeartbeat,
        heartbeat: {
          url: () => config.credentials.current('HEARTBEAT_URL'),
          thresholds: config.outboundHeartbeat,
          probeRedis: async () => ((await pingRedis(producerRedis)) ? { consumers: await countQueueConsumers(consumedQueues()) } : undefined),
        },
      })
    : undefined;

  // the synthetic probe (PROBE_ENABLED): an alert through the api's ingest, paged back to the api (docs/monitoring.md)
  const probe = config.probe.enabled
    ? startProbeRunner({
        ctx,
        logger,
        settings: { apiUrl: config.publicUrl, intervalMs: config.probe.intervalMs, timeoutMs: config.probe.timeoutMs },
        onPass: (outcome) => {
          for (const v of outcome.finished) {
            if (v.outcome === 'succeeded') metrics.probe.roundTrip.observe(v.roundTripMs / 1000);
            else metrics.probe.failures.inc();
          }
        },
      })
    : undefined;

  const stormEnder = startStormEnder({ ctx, logger, intervalMs: config.stormEndIntervalMs });
  const flapEnder = startFlapEnder({ ctx, logger, intervalMs: config.flapEndIntervalMs });
  const maintenanceReleaser = startMaintenanceReleaser({
    ctx,
    logger,
    intervalMs: config.maintenanceReleaseIntervalMs,
    scheduler,
    onReleased: (outcome) => observeEscalation(metrics, outcome.effects),
  });

  // u23: weekly team digests in Slack (docs/insights.md): the week's insights (as GET /api/v1/insights) and readiness findings
  const teamDigests = deps.slack
    ? startTeamDigests({ ctx, logger, intervalMs: 60_000, digest: { slack: deps.slack, publicUrl: config.publicUrl, configured: configuredChannels(config) } })
    : undefined;

  const closeQueueSide = async () => {
    stopWatchingCredentials();
    await Promise.all([relay.stop(), sweeper.stop(), silencePoller.stop(), heartbeatChecker.stop(), outboundHeartbeat?.stop(), probe?.stop(), stormEnder.stop(), flapEnder.stop(), maintenanceReleaser.stop(), teamDigests?.stop(), slackSync?.close()]);
    await Promise.all([worker.close(), escalationWorker.close(), delivery?.close()]);
    await queue.close().catch(() => {});
    await escalationQueue.close().catch(() => {});
    workerRedis.disconnect();
    escalationRedis.disconnect();
    producerRedis.disconnect();
  };

  let server: HealthServer;
  try {
    server = await startHealthServer({
      port: config.port,
      logger,
      registry: metrics.registry,
      metricsTokens: () => config.credentials.accepted('METRICS_TOKEN'),
      pingDatabase: deps.pingDatabase,
      redisStatus: () => ({ worker: workerRedis.status, escalations: escalationRedis.status, producer: producerRedis.status }),
      deliveryStatus: delivery ? () => delivery.redisStatus() : undefined,
    });
  } catch (err) {
    await closeQueueSide();
    throw err;
  }
  logger.info(
    {
      port: server.port,
      queues: [INCIDENT_EVENTS_QUEUE, ESCALATIONS_QUEUE, ...[...(delivery?.queues.values() ?? [])].map((q) => q.name)],
      concurrency: CONCURRENCY,
      relayIntervalMs: config.outboxRelayIntervalMs,
      sweepIntervalMs: config.escalationSweepIntervalMs,
    },
    'worker started',
  );

  let closing: Promise<void> | undefined;
  return {
    port: server.port,
    metrics,
    delivery,
    probe,
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
