import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { deliveryQueueName } from '@heinrich/jobs/queues';

/**
 * A cleanup for tests whose worker processes run outside the test: the delivery
 * queues they used under `prefix` are removed (jobs and all) and the connection closed.
 */
export function deliveryQueuesCleanup(redisUrl: string, prefix: string, channels: readonly ('webhook' | 'log')[] = ['webhook', 'log']): () => Promise<void> {
  const redis = createProducerRedis(redisUrl);
  return async () => {
    for (const channel of channels) {
      const q = createQueue(deliveryQueueName(channel), redis, prefix);
      await q.obliterate({ force: true }).catch(() => {});
      await q.close();
    }
    redis.disconnect();
  };
}
