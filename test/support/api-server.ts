// Starts the real api app (createApp with a real Postgres database of its own
// and a real Redis under a unique BullMQ prefix) on a free loopback port.
// Tests talk to it over HTTP exactly as senders and users do.
import type { AddressInfo } from 'node:net';
import { loadApiConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, pingDatabase, type Database } from '@heinrich/db/create-database';
import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import { bullmqOutboxPublisher } from '@heinrich/usecases/outbox-publisher';
import type { Queue } from 'bullmq';
import { createApp } from '../../apps/api/src/app';
import { createApiMetrics } from '../../apps/api/src/http/metrics';
import { createTestDatabase } from './database';
import { testRedisUrl, uniquePrefix } from './redis';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
  headers: Headers;
}

export interface TestApi {
  baseUrl: string;
  db: Database;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  queue: Queue;
  ctx: Context;
  /** a request with the admin key; JSON in and out */
  admin(method: string, path: string, body?: unknown): Promise<HttpResult>;
  /** a POST of a JSON body with an optional bearer credential, as a sender does */
  post(path: string, body: unknown, bearer?: string): Promise<HttpResult>;
  close(): Promise<void>;
}

export async function startTestApi(
  opts: {
    env?: Record<string, string>;
    redisUrl?: string;
    /** use this database instead of a fresh one (e.g. one that is unreachable) */
    databaseUrl?: string;
  } = {},
): Promise<TestApi> {
  const database = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const redisUrl = opts.redisUrl ?? testRedisUrl();
  const redisPrefix = uniquePrefix('api');
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    HEINRICH_ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...opts.env,
  });
  const logger = createLogger({ name: 'test-api', level: config.logLevel });
  const db = createDatabase({ url: database.url, poolSize: 10, applicationName: 'test-api' });
  const redis = createProducerRedis(redisUrl);
  redis.on('error', () => {});
  const queue = createQueue(INCIDENT_EVENTS_QUEUE, redis, redisPrefix);
  queue.on('error', () => {});
  const ctx: Context = { db, logger, publisher: bullmqOutboxPublisher(queue, logger), now: () => new Date() };
  const app = createApp({
    config,
    logger,
    metrics: createApiMetrics(),
    ctx,
    redisStatus: () => redis.status,
    pingDatabase: () => pingDatabase(db),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function request(method: string, path: string, body: unknown, bearer: string | undefined): Promise<HttpResult> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. /metrics): keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  return {
    baseUrl,
    db,
    databaseUrl: database.url,
    redisUrl,
    redisPrefix,
    queue,
    ctx,
    admin: (method, path, body) => request(method, path, body, TEST_ADMIN_KEY),
    post: (path, body, bearer) => request('POST', path, body, bearer),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close().catch(() => {});
      redis.disconnect();
      await db.close();
      await database.drop();
    },
  };
}
