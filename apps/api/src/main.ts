// Composition root of the api: parse config once, build the dependencies, listen,
// and shut down gracefully on SIGTERM (stop accepting, finish in-flight requests).
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { configOrExit, loadApiConfig } from '@heinrich/config/load-config';
import { describeListenFailure, isListenError } from '@heinrich/config/listen-failure';
import { createLogger } from '@heinrich/config/logger';
import { watchCredentials } from '@heinrich/config/watch-credentials';
import { createDatabase, pingDatabase } from '@heinrich/db/create-database';
import { INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { pingRedis } from '@heinrich/jobs/ping-redis';
import { bullmqOutboxPublisher } from '@heinrich/usecases/outbox-publisher';
import { createApp } from './app';
import { createApiMetrics } from './http/metrics';
import { apiProviders } from '@heinrich/providers/api-providers';

const config = configOrExit('heinrich api', () => loadApiConfig(process.env));

const logger = createLogger({ name: 'heinrich-api', level: config.logLevel });
const db = createDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, applicationName: 'heinrich-api' });
const redis = createProducerRedis(config.redisUrl);
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
const queue = createQueue(INCIDENT_EVENTS_QUEUE, redis, config.redisPrefix);
queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));

const metrics = createApiMetrics({ redisUp: () => pingRedis(redis) });
// credentials given as files (X_FILE) are read again; a rotated value is used without a restart
watchCredentials(config.credentials, {
  intervalMs: config.credentialPollIntervalMs,
  logger,
  onReload: (r) => metrics.credentialReloads.inc({ credential: r.key, result: r.applied ? 'applied' : 'refused' }),
});
const app = createApp({
  config,
  logger,
  metrics,
  ctx: { db, logger, publisher: bullmqOutboxPublisher(queue, logger), now: () => new Date() },
  redisStatus: () => redis.status,
  pingDatabase: () => pingDatabase(db),
  ...apiProviders(config),
});

// no callback to listen(): Express 5 calls it on errors too ("listening" before EADDRINUSE)
const server: Server = app.listen(config.port);
server.once('listening', () => {
  const webUi = existsSync(join(config.webDistDir, 'index.html'));
  logger.info({ port: config.port, publicUrl: config.publicUrl, webUi: webUi ? config.webDistDir : false }, 'api listening');
  // without a build, opening the api's URL answers a JSON 404: say why here
  if (!webUi) logger.warn({ webDistDir: config.webDistDir }, 'no web UI build (no index.html): the api serves the API only; run npm run build:web or set WEB_DIST_DIR');
});
server.on('error', (err) => {
  if (isListenError(err)) {
    logger.fatal({ port: config.port, code: err.code, err }, 'api could not listen');
    process.stderr.write(`${describeListenFailure('heinrich api', config.port, err)}\n`);
  } else {
    logger.fatal({ err }, 'api server error');
  }
  process.exit(1);
});
// Receiving a request (headers, then the whole body) is bounded against stalled
// clients, but loosely: a 64 MiB Alertmanager group, or any delivery while the
// api is busy with a storm, must never be cut off for its size or the load
// (docs/noise.md#never-reject-by-volume). 15 s cut deliveries off in the 10x storm.
server.requestTimeout = 120_000;
server.headersTimeout = 60_000;
// An idle keep-alive socket is closed after this: longer than the senders' and load
// balancers' own idle timeouts (60 s is common), so a sender never writes its next
// request into a socket the api is just closing (ECONNRESET, no answer). Node's 5 s
// default did that under a storm.
server.keepAliveTimeout = 65_000;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'api shutting down');
  const force = setTimeout(() => {
    logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'in-flight requests did not finish in time; closing');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  force.unref();
  server.close();
  server.closeIdleConnections();
  await once(server, 'close').catch(() => {});
  clearTimeout(force);
  await queue.close().catch(() => {});
  redis.disconnect();
  await db.close().catch(() => {});
  logger.info('api stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
