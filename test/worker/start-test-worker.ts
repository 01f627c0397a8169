import { loadWorkerConfig, type WorkerConfig } from '@heinrich/config/load-config';
import { createLogger, type Logger } from '@heinrich/config/logger';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { DeliverySender } from '@heinrich/providers/delivery-sender';
import { createDatabase, pingDatabase, type Database } from '@heinrich/db/create-database';
import { startWorker, type WorkerRuntime } from '../../apps/worker/src/start-worker';

export interface TestWorker {
  runtime: WorkerRuntime;
  /** the worker's own pool on the test database */
  db: Database;
  baseUrl: string;
  /** GET /metrics of the worker's health server */
  metricsText(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real worker runtime (BullMQ worker, outbox relay, health server) in this
 * process, on the given database and Redis prefix (usually a TestApi's, so the
 * two see the same outbox and queue). The relay runs often and considers rows
 * stale quickly, so recovery paths complete within a test.
 */
export async function startTestWorker(opts: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  env?: Record<string, string>;
  /** the engine's clock (default: the real one), for tests that move time */
  now?: () => Date;
  /** run delivery inside the runtime, as main.ts does (given the config, e.g. buildSenders) */
  senders?: (config: WorkerConfig, logger: Logger) => ReadonlyMap<ContactMethodType, DeliverySender>;
}): Promise<TestWorker> {
  const config = loadWorkerConfig({
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.redisPrefix,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_RELAY_INTERVAL_MS: '200',
    OUTBOX_STALE_AFTER_MS: '500',
    ...opts.env,
  });
  const logger = createLogger({ name: 'test-worker', level: config.logLevel });
  const db = createDatabase({ url: opts.databaseUrl, poolSize: 10, applicationName: 'test-worker' });
  const senders = opts.senders?.(config, logger);
  const runtime = await startWorker({ config, logger, db, pingDatabase: () => pingDatabase(db), ...(opts.now ? { now: opts.now } : {}), ...(senders ? { senders } : {}) }).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });
  const baseUrl = `http://127.0.0.1:${runtime.port}`;
  return {
    runtime,
    db,
    baseUrl,
    async metricsText() {
      const res = await fetch(`${baseUrl}/metrics`, {
        headers: config.credentials.current('METRICS_TOKEN') ? { authorization: `Bearer ${config.credentials.current('METRICS_TOKEN')}` } : {},
      });
      if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
      return res.text();
    },
    async close() {
      await runtime.close();
      await db.close();
    },
  };
}

/** The value of an unlabelled sample in Prometheus text, e.g. `heinrich_outbox_backlog`. */
export function sample(metricsText: string, name: string): number | undefined {
  const line = metricsText.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}
