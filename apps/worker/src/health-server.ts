import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@heinrich/config/logger';
import type { Registry } from 'prom-client';

export interface HealthServerDeps {
  port: number;
  logger: Logger;
  registry: Registry;
  /** when set, /metrics requires `Authorization: Bearer <token>` */
  metricsTokens: () => string[];
  /** true when Postgres answers */
  pingDatabase(): Promise<boolean>;
  /** ioredis status of each connection, e.g. { worker: 'ready', producer: 'reconnecting' } */
  redisStatus(): Record<string, string>;
  /** the same for delivery's connections (its producer and each provider queue's worker); unset: no delivery in this process */
  deliveryStatus?: () => Record<string, string>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The worker's only HTTP: GET /healthz (the process is up), /readyz (200 when
 * Postgres answers; Redis, and delivery's queues, are reported but don't
 * decide: the outbox and the deliveries table hold the work until Redis is
 * back), /metrics (Prometheus text).
 */
export async function startHealthServer(deps: HealthServerDeps): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    route(deps, req, res).catch((err: unknown) => {
      deps.logger.error({ err, path: req.url }, 'health server request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.listen(deps.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(deps: HealthServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: `Method ${req.method} not allowed` });
  if (path === '/healthz') return send(res, 200, { status: 'ok' });
  if (path === '/readyz') {
    const postgres = await deps.pingDatabase();
    return send(res, postgres ? 200 : 503, {
      status: postgres ? 'ready' : 'unavailable',
      postgres: postgres ? 'ok' : 'unreachable',
      redis: deps.redisStatus(),
      delivery: deliveryReadiness(deps.deliveryStatus?.()),
    });
  }
  if (path === '/metrics') {
    const tokens = deps.metricsTokens();
    if (tokens.length > 0 && !tokens.some((token) => bearerMatches(req.headers.authorization, token))) {
      return send(res, 401, { error: 'Missing or invalid metrics token' });
    }
    const body = await deps.registry.metrics();
    res.writeHead(200, { 'content-type': deps.registry.contentType });
    res.end(body);
    return;
  }
  send(res, 404, { error: `No route for ${req.method} ${path}` });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Constant-time comparison (both sides hashed first, so lengths don't leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = header?.match(/^bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** `reachable` when every delivery connection is ready (jobs can be added and taken), else which are not. */
function deliveryReadiness(status: Record<string, string> | undefined) {
  if (!status) return { status: 'not running' };
  const down = Object.entries(status).filter(([, s]) => s !== 'ready').map(([name]) => name);
  return { status: down.length === 0 ? 'reachable' : 'unreachable', redis: status, ...(down.length > 0 ? { unreachable: down } : {}) };
}
