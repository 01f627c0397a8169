import type { Queue } from 'bullmq';

/**
 * How many BullMQ workers are connected to each queue now (any process:
 * BullMQ names its worker connections after the queue, and CLIENT LIST shows
 * them), for the outbound heartbeat's "at least one worker consuming". On a
 * Redis without CLIENT LIST (GCP Memorystore) BullMQ reports one placeholder,
 * so such a queue counts as consumed. Rejects when Redis does not answer.
 */
export async function countQueueConsumers(queues: readonly Queue[]): Promise<Record<string, number>> {
  const entries = await Promise.all(queues.map(async (queue) => [queue.name, await queue.getWorkersCount()] as const));
  return Object.fromEntries(entries);
}
