import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * A producer-side Redis connection: fails fast instead of queueing commands
 * while Redis is away, so an HTTP request never hangs on Redis. Whatever could
 * not be enqueued stays in the Postgres outbox and the relay sends it later.
 */
export function createProducerRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    // keep reconnecting in the background, at most every 2 s
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
    ...extra,
  });
}

/** Worker-side connections block on BRPOPLPUSH-style calls: BullMQ requires maxRetriesPerRequest null. */
export function createWorkerRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

export function createQueue(name: string, connection: Redis, prefix: string): Queue {
  return new Queue(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}
