import type { HeartbeatGaugeSamples } from '@heinrich/core/heartbeats/heartbeat-gauges';
import type { QueueJobCount } from '@heinrich/jobs/count-queue-jobs';
import { createRedisUpGauge } from '@heinrich/jobs/redis-up-gauge';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createOutboundHeartbeatMetrics } from './outbound-heartbeat-metrics';

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/**
 * The worker's Prometheus metrics, in a registry of its own (several runtimes
 * can live in one test process). `backlog` is asked on every scrape.
 */
export function createWorkerMetrics(opts: {
  backlog: () => Promise<number>;
  /** queued deliveries already due */
  deliveryBacklog?: () => Promise<number>;
  /** the heartbeat gauges, from Postgres */
  heartbeats?: () => Promise<HeartbeatGaugeSamples>;
  /** whether Redis answers a PING now (heinrich_redis_up), asked on every scrape */
  redisUp?: () => Promise<boolean>;
  /** the BullMQ queues' jobs by state (heinrich_queue_jobs), asked on every scrape */
  queueJobs?: () => Promise<QueueJobCount[]>;
  /** HEARTBEAT_URL is configured: the outbound heartbeat's metrics, starting at this time (Unix ms) */
  outboundHeartbeatSince?: number;
  /** the synthetic probe (docs/monitoring.md "Synthetic probe"): on or off, and its last success from Postgres */
  probe?: { enabled: boolean; lastSuccess: () => Promise<number> };
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'heinrich_worker_' });
  const outboxLag = new Histogram({
    name: 'heinrich_outbox_lag_seconds',
    help: 'Time from the ingest commit (outbox row written) to the worker handling the event',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    registers: [registry],
  });
  const outboxRelayed = new Counter({
    name: 'heinrich_outbox_relayed_total',
    help: 'Outbox events whose job the relay had to add again (lost from Redis) or retry (failed every attempt)',
    registers: [registry],
  });
  new Gauge({
    name: 'heinrich_outbox_backlog',
    help: 'Outbox rows not yet handled by a worker (NaN when Postgres did not answer the scrape)',
    registers: [registry],
    async collect() {
      // an unknown backlog must not read as "empty"
      this.set(await opts.backlog().catch(() => Number.NaN));
    },
  });
  // -- escalation engine (docs/architecture.md, "Escalation")
  const escalationPages = new Counter({
    name: 'heinrich_escalation_pages_total',
    help: 'People paged by escalation steps (notifications written: one per person, step and cycle)',
    registers: [registry],
  });
  const escalationSteps = new Counter({
    name: 'heinrich_escalation_steps_total',
    help: 'Escalation steps entered, by result: paged (somebody) or skipped (resolved to nobody, skipped at once)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const escalationFallbacks = new Counter({
    name: 'heinrich_escalation_fallbacks_total',
    help: "Times every step of a pass resolved to nobody and the policy team's leads were paged instead",
    registers: [registry],
  });
  const escalationUnrouted = new Counter({
    name: 'heinrich_escalation_unrouted_total',
    help: 'Incidents opened on a service without a (usable) escalation policy: nobody was paged',
    registers: [registry],
  });
  const escalationLateness = new Histogram({
    name: 'heinrich_escalation_step_lateness_seconds',
    help: 'Time from a step (or acknowledgement timeout) falling due to the engine running it, by path (job or sweeper)',
    labelNames: ['path'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const escalationSwept = new Counter({
    name: 'heinrich_escalation_swept_total',
    help: 'Due escalation steps the sweeper ran because no job had (job lost, failed or late)',
    registers: [registry],
  });
  // -- storm mode (docs/noise.md)
  const stormsStarted = new Counter({
    name: 'heinrich_storms_started_total',
    help: 'Storms started: a service opened more than storm.incidents incidents within storm.windowSeconds',
    registers: [registry],
  });
  const stormHeld = new Counter({
    name: 'heinrich_storm_held_incidents_total',
    help: 'Incidents held by a storm: opened during it, not escalated on their own',
    registers: [registry],
  });
  // -- maintenance windows (docs/maintenance-windows.md)
  const maintenanceHeld = new Counter({
    name: 'heinrich_maintenance_held_incidents_total',
    help: 'Incidents held by a maintenance window: opened under it, nobody paged while it lasted',
    registers: [registry],
  });
  const maintenanceReleased = new Counter({
    name: 'heinrich_maintenance_released_incidents_total',
    help: 'Held incidents still firing when their maintenance window ended: paged then',
    registers: [registry],
  });
  if (opts.heartbeats) createHeartbeatGauges(registry, opts.heartbeats);
  if (opts.redisUp) createRedisUpGauge(registry, opts.redisUp);
  if (opts.queueJobs) createQueueJobsGauge(registry, opts.queueJobs);
  const outboundHeartbeat = opts.outboundHeartbeatSince === undefined ? undefined : createOutboundHeartbeatMetrics(registry, opts.outboundHeartbeatSince);
  const credentialReloads = new Counter({
    name: 'heinrich_credential_reloads_total',
    help: 'Credential files read again after they changed (docs/kubernetes.md), by credential name; result "refused" kept the previous value',
    labelNames: ['credential', 'result'] as const,
    registers: [registry],
  });
  const delivery = createDeliveryMetrics(registry, opts.deliveryBacklog);
  const probe = createProbeMetrics(registry, opts.probe);
  return {
    probe,
    credentialReloads,
    outboundHeartbeat,
    registry,
    delivery,
    outboxLag,
    outboxRelayed,
    escalationPages,
    escalationSteps,
    escalationFallbacks,
    escalationUnrouted,
    escalationLateness,
    escalationSwept,
    stormsStarted,
    stormHeld,
    maintenanceHeld,
    maintenanceReleased,
  };
}

/**
 * heinrich_heartbeat_last_ping_timestamp_seconds and heinrich_heartbeat_status
 * (docs/heartbeats.md), read from Postgres once per scrape for both gauges, so
 * every replica shows the same values. Postgres not answering: no samples
 * (never a stale or made-up status).
 */
function createHeartbeatGauges(registry: Registry, load: () => Promise<HeartbeatGaugeSamples>): void {
  // the registry collects its metrics concurrently: the two gauges of one scrape share the query in flight
  let inFlight: Promise<HeartbeatGaugeSamples> | undefined;
  const samples = () =>
    (inFlight ??= load()
      .catch(() => ({ lastPing: [], status: [] }))
      .finally(() => {
        inFlight = undefined;
      }));
  new Gauge({
    name: 'heinrich_heartbeat_last_ping_timestamp_seconds',
    help: 'When each heartbeat was last pinged (Unix seconds); heartbeats never pinged have no sample',
    labelNames: ['service', 'heartbeat'] as const,
    registers: [registry],
    async collect() {
      const { lastPing } = await samples();
      this.reset();
      for (const s of lastPing) this.set(s.labels, s.value);
    },
  });
  new Gauge({
    name: 'heinrich_heartbeat_status',
    help: "Each heartbeat's status: 1 for the one it has (new, up, late, down, paused), 0 for the others",
    labelNames: ['service', 'heartbeat', 'status'] as const,
    registers: [registry],
    async collect() {
      const { status } = await samples();
      this.reset();
      for (const s of status) this.set(s.labels, s.value);
    },
  });
}

/**
 * heinrich_queue_jobs{queue, state}: the BullMQ queues' jobs by state, read from
 * Redis at each scrape (the queue's numbers: every worker shows the same, so
 * take max by (queue, state)). Redis not answering: no samples, never stale
 * or made-up counts (heinrich_redis_up says why).
 */
function createQueueJobsGauge(registry: Registry, load: () => Promise<QueueJobCount[]>): void {
  new Gauge({
    name: 'heinrich_queue_jobs',
    help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed), read from Redis at each scrape; no samples while Redis does not answer',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await load().catch(() => []);
      this.reset();
      for (const c of counts) this.set({ queue: c.queue, state: c.state }, c.count);
    },
  });
}

/** Counts what an engine transaction did. */
export function observeEscalation(
  metrics: WorkerMetrics,
  e: { pagesCreated: number; stepsPaged: number; stepsSkipped: number; fallbacks: number; unrouted: number; stormsStarted?: number; heldByStorm?: number; heldByMaintenance?: number; releasedByMaintenance?: number },
): void {
  if (e.stormsStarted) metrics.stormsStarted.inc(e.stormsStarted);
  if (e.heldByStorm) metrics.stormHeld.inc(e.heldByStorm);
  if (e.heldByMaintenance) metrics.maintenanceHeld.inc(e.heldByMaintenance);
  if (e.releasedByMaintenance) metrics.maintenanceReleased.inc(e.releasedByMaintenance);
  if (e.pagesCreated > 0) metrics.escalationPages.inc(e.pagesCreated);
  if (e.stepsPaged > 0) metrics.escalationSteps.inc({ result: 'paged' }, e.stepsPaged);
  if (e.stepsSkipped > 0) metrics.escalationSteps.inc({ result: 'skipped' }, e.stepsSkipped);
  if (e.fallbacks > 0) metrics.escalationFallbacks.inc(e.fallbacks);
  if (e.unrouted > 0) metrics.escalationUnrouted.inc(e.unrouted);
}

export type DeliveryMetrics = ReturnType<typeof createDeliveryMetrics>;

/** Outcome of one delivery attempt, as counted: `skipped` (a duplicate or cancelled job) is not counted. */
export type DeliveryOutcomeLabel = 'sent' | 'retry' | 'failed' | 'unavailable';

/**
 * Delivery's metrics (docs/operations.md). In the worker's registry; a
 * delivery runtime started on its own (tests) gets a registry of its own.
 * `backlog`, when given, is asked on every scrape.
 */
export function createDeliveryMetrics(registry: Registry, backlog?: () => Promise<number>) {
  const deliveries = new Counter({
    name: 'heinrich_deliveries_total',
    help: 'Delivery attempts by channel and outcome: sent (the provider took it), retry (transient error, tried again), failed (permanent or out of attempts: the next method starts), unavailable (no provider configured: the next method starts)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const sendDuration = new Histogram({
    name: 'heinrich_delivery_send_duration_seconds',
    help: "Time of one provider call (the webhook's HTTP request, Twilio's API call), by channel, whatever its outcome",
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'heinrich_delivery_latency_seconds',
    help: "Time from a delivery falling due (the page's commit, plus the personal rule's delay) to its first provider call, by channel",
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  if (backlog) {
    new Gauge({
      name: 'heinrich_delivery_backlog',
      help: 'Queued deliveries already due: pages waiting for their provider call (NaN when Postgres did not answer the scrape)',
      registers: [registry],
      async collect() {
        this.set(await backlog().catch(() => Number.NaN));
      },
    });
  }
  return { deliveries, sendDuration, latency };
}

export type ProbeMetrics = ReturnType<typeof createProbeMetrics>;

/**
 * The synthetic probe's metrics (docs/monitoring.md "Synthetic probe"),
 * exported by every worker whether the probe runs or not (0 when off): the
 * last success comes from Postgres on each scrape, so every worker shows the
 * same one, whichever worker sent the alert and whichever api received the
 * webhook; the round trips and failures are counted by the worker that judged
 * the run (sum them across workers).
 */
function createProbeMetrics(registry: Registry, probe: { enabled: boolean; lastSuccess: () => Promise<number> } | undefined) {
  new Gauge({
    name: 'heinrich_probe_enabled',
    help: 'Whether this worker runs the synthetic end-to-end probe (PROBE_ENABLED): 1 or 0',
    registers: [registry],
    collect() {
      this.set(probe?.enabled ? 1 : 0);
    },
  });
  new Gauge({
    name: 'heinrich_probe_last_success_timestamp_seconds',
    help: 'When the synthetic probe last completed a round trip (alert sent through ingest, its page received back by the api), Unix seconds; 0: never (or the probe is off); NaN when Postgres did not answer the scrape',
    registers: [registry],
    async collect() {
      this.set(probe?.enabled ? await probe.lastSuccess().catch(() => Number.NaN) : 0);
    },
  });
  const roundTrip = new Histogram({
    name: 'heinrich_probe_round_trip_seconds',
    help: "Synthetic probe round trips: from its alert sent to the api's ingest to its page (a webhook) received back by the api",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'heinrich_probe_failures_total',
    help: 'Synthetic probe runs that failed: the ingest refused the alert, or its page did not come back within PROBE_TIMEOUT_SECONDS',
    registers: [registry],
  });
  return { roundTrip, failures };
}
