import type { Queue } from 'bullmq';

/** The BullMQ job states `heinrich_queue_jobs` reports (completed jobs are only kept for a while, so not a depth). */
export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

export interface QueueJobCount {
  queue: string;
  state: QueueJobState;
  count: number;
}

/**
 * The jobs of each queue by state, from Redis (one round trip per queue,
 * BullMQ's getJobCounts). The counts are the queue's, not this process's:
 * every worker reports the same numbers. Rejects when Redis does not answer.
 */
export async function countQueueJobs(queues: readonly Queue[]): Promise<QueueJobCount[]> {
  const counts = await Promise.all(queues.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...QUEUE_JOB_STATES) })));
  return counts.flatMap(({ queue, counts: c }) => QUEUE_JOB_STATES.map((state) => ({ queue, state, count: c[state] ?? 0 })));
}
