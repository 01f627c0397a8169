import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/**
 * The worker's Prometheus metrics, in a registry of its own (several runtimes
 * can live in one test process). `backlog` is asked on every scrape.
 */
export function createWorkerMetrics(opts: { backlog: () => Promise<number> }) {
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
  return {
    registry,
    outboxLag,
    outboxRelayed,
    escalationPages,
    escalationSteps,
    escalationFallbacks,
    escalationUnrouted,
    escalationLateness,
    escalationSwept,
  };
}

/** Counts what an engine transaction did. */
export function observeEscalation(
  metrics: WorkerMetrics,
  e: { pagesCreated: number; stepsPaged: number; stepsSkipped: number; fallbacks: number; unrouted: number },
): void {
  if (e.pagesCreated > 0) metrics.escalationPages.inc(e.pagesCreated);
  if (e.stepsPaged > 0) metrics.escalationSteps.inc({ result: 'paged' }, e.stepsPaged);
  if (e.stepsSkipped > 0) metrics.escalationSteps.inc({ result: 'skipped' }, e.stepsSkipped);
  if (e.fallbacks > 0) metrics.escalationFallbacks.inc(e.fallbacks);
  if (e.unrouted > 0) metrics.escalationUnrouted.inc(e.unrouted);
}
