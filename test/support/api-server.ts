// Starts the real api app (createApp with a real Postgres database of its own
// and a real Redis under a unique BullMQ prefix) on a free loopback port.
// Tests talk to it over HTTP exactly as senders and users do.
import type { AddressInfo } from 'node:net';
import { loadApiConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, pingDatabase, type Database } from '@heinrich/db/create-database';
import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { pingRedis } from '@heinrich/jobs/ping-redis';
import { INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import { bullmqOutboxPublisher } from '@heinrich/usecases/outbox-publisher';
import type { Queue } from 'bullmq';
import { createApp } from '../../apps/api/src/app';
import { createApiMetrics } from '../../apps/api/src/http/metrics';
import { apiProviders } from '@heinrich/providers/api-providers';
import { createTestDatabase } from './database';
import { testRedisUrl, uniquePrefix } from './redis';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
  headers: Headers;
}

/** Calls the API as one caller: JSON in and out. */
export type Caller = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResult>;

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  /** `heinrich_session=<token>`, for a Cookie header */
  cookie: string;
  /** requests with the session cookie and a same-origin Origin header, as the browser sends them */
  call: Caller;
}

export interface TestApi {
  baseUrl: string;
  /** PUBLIC_URL's origin: what a browser page of Heinrich sends as Origin */
  origin: string;
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
  /** any request, with exactly the headers given */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** requests with `Authorization: Bearer <secret>` (an API key) */
  withKey(secret: string): Caller;
  /** requests with a session cookie (and a same-origin Origin) */
  withCookie(cookie: string): Caller;
  /** signs in through the API; the session cookie of the answer */
  signIn(email: string, password: string): Promise<SignedInUser>;
  /**
   * A user created, invited and signed in through the API (as the bootstrap key),
   * with the team roles given.
   */
  createUser(opts?: { name?: string; role?: 'admin' | 'user'; teams?: Record<string, 'lead' | 'responder' | 'viewer'> }): Promise<SignedInUser>;
  /** an API key created through the API (as the bootstrap key): its id and secret */
  createApiKey(opts: { role: 'admin' | 'lead' | 'responder' | 'viewer'; teamId?: string | null; name?: string }): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

export async function startTestApi(
  opts: {
    env?: Record<string, string>;
    redisUrl?: string;
    /** use this database instead of a fresh one (e.g. one that is unreachable) */
    databaseUrl?: string;
    /** the use cases' clock (default: the real one), for tests that move time */
    now?: () => Date;
    /** listen on this port (default: any free one); browser tests need PUBLIC_URL to name it */
    port?: number;
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
  const ctx: Context = { db, logger, publisher: bullmqOutboxPublisher(queue, logger), now: opts.now ?? (() => new Date()) };
  const app = createApp({
    config,
    logger,
    metrics: createApiMetrics({ redisUp: () => pingRedis(redis) }),
    ctx,
    redisStatus: () => redis.status,
    pingDatabase: () => pingDatabase(db),
    ...apiProviders(config),
  });
  const server = app.listen(opts.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const origin = new URL(config.publicUrl).origin;

  async function request(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpResult> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
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

  const bearer = (secret: string | undefined): Record<string, string> => (secret ? { authorization: `Bearer ${secret}` } : {});
  const withKey = (secret: string): Caller => (method, path, body, headers) => request(method, path, body, { ...bearer(secret), ...headers });
  const withCookie = (cookie: string): Caller => (method, path, body, headers) => request(method, path, body, { cookie, origin, ...headers });
  const admin: Caller = (method, path, body) => request(method, path, body, bearer(TEST_ADMIN_KEY));
  const ok = (res: HttpResult, what: string): HttpResult => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  let users = 0;

  async function signIn(email: string, password: string): Promise<SignedInUser> {
    const res = ok(await request('POST', '/api/v1/auth/sign-in', { email, password }, {}), `sign in as ${email}`);
    const cookie = sessionCookieOf(res.headers);
    return { id: res.body.user.id, email, password, cookie, call: withCookie(cookie) };
  }

  return {
    baseUrl,
    origin,
    db,
    databaseUrl: database.url,
    redisUrl,
    redisPrefix,
    queue,
    ctx,
    admin,
    post: (path, body, secret) => request('POST', path, body, bearer(secret)),
    request: (method, path, body, headers = {}) => request(method, path, body, headers),
    withKey,
    withCookie,
    signIn,
    async createUser(o = {}) {
      users += 1;
      const name = o.name ?? `User ${users}`;
      const email = `user${users}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const password = `correct horse battery ${users}`;
      const user = ok(await admin('POST', '/api/v1/users', { name, email, role: o.role ?? 'user' }), `create user ${name}`).body;
      const { token } = ok(await admin('POST', `/api/v1/users/${user.id}/invite`), `invite ${name}`).body;
      ok(await request('POST', '/api/v1/auth/accept-invite', { token, password }, {}), `accept the invite of ${name}`);
      for (const [teamId, role] of Object.entries(o.teams ?? {})) {
        const team = ok(await admin('GET', `/api/v1/teams/${teamId}`), `read team ${teamId}`).body;
        const members = [...team.members.map((m: { userId: string; role: string }) => ({ userId: m.userId, role: m.role })), { userId: user.id, role }];
        ok(await admin('PATCH', `/api/v1/teams/${teamId}`, { members }), `add ${name} to team ${team.name}`);
      }
      return signIn(email, password);
    },
    async createApiKey(o) {
      const body = { name: o.name ?? `${o.role} key`, role: o.role, teamId: o.teamId ?? null };
      const res = ok(await admin('POST', '/api/v1/api-keys', body), `create API key ${body.name}`);
      return { id: res.body.id, secret: res.body.key };
    },
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

/** `heinrich_session=<token>` from a Set-Cookie header. */
export function sessionCookieOf(headers: Headers): string {
  const set = headers.getSetCookie().find((c) => c.startsWith('heinrich_session='));
  if (!set) throw new Error('no heinrich_session cookie was set');
  return set.split(';')[0]!;
}
