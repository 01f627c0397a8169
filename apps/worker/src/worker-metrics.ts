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
  return { registry, outboxLag, outboxRelayed };
}
