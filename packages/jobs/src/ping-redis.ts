import type { Redis } from 'ioredis';

/**
 * Whether Redis answers a PING on this connection now: the `heinrich_redis_up`
 * gauge and the outbound heartbeat's "Redis reachable". Asked on a producer
 * connection (createProducerRedis: no offline queue, 2 s command timeout), so
 * a connection that is down answers false at once and a hung Redis within the
 * timeout; it never waits for a reconnect. Never rejects.
 */
export async function pingRedis(redis: Redis, timeoutMs = 2_000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
