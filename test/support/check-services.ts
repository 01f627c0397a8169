import { connect } from 'node:net';
import pg from 'pg';

/**
 * Checks Postgres and Redis answer; throws ONE error naming everything missing
 * and how to point the tests elsewhere, instead of a hundred failing tests.
 */
export async function checkServices(opts: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const [pgProblem, redisProblem] = await Promise.all([checkPostgres(opts.databaseUrl), checkRedis(opts.redisUrl)]);
  const problems = [
    pgProblem && `PostgreSQL at ${hostOf(opts.databaseUrl)} (${pgProblem}); set TEST_DATABASE_URL to a superuser URL`,
    redisProblem && `Redis at ${hostOf(opts.redisUrl)} (${redisProblem}); set TEST_REDIS_URL`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `Integration tests need a reachable PostgreSQL (15+) that may CREATE DATABASE and a Redis (7+). Not reachable: ${problems.join('; ')}.`,
    );
  }
}

async function checkPostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return describe(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A PING over a raw socket: no client library, no reconnect loop to tear down. */
function checkRedis(url: string): Promise<string | undefined> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 6379) });
    let reply = '';
    const done = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(3_000, () => done('no answer within 3 s'));
    socket.on('error', (err) => done(describe(err)));
    socket.on('connect', () => {
      const auth = u.password ? `AUTH ${u.username ? `${decodeURIComponent(u.username)} ` : ''}${decodeURIComponent(u.password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('+PONG')) done(undefined);
      else if (reply.includes('-')) done(`replied ${reply.trim()}`);
    });
  });
}

function describe(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? '6379' : '5432')}`;
  } catch {
    return url;
  }
}
