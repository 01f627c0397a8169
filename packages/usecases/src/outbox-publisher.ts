import type { Logger } from '@heinrich/config/logger';
import { INCIDENT_EVENT_JOB, incidentEventJobId, type IncidentEventJob } from '@heinrich/jobs/queues';
import type { Queue } from 'bullmq';

export interface OutboxPublisher {
  /**
   * Best effort, never throws: enqueue committed outbox rows so the worker
   * hears of them at once. Whatever fails stays in the outbox, and the
   * worker's relay enqueues it once Redis answers again.
   */
  publish(outboxIds: string[]): Promise<{ published: number; failed: number }>;
}

/** How long a request may wait on Redis before leaving the job to the relay. */
const PUBLISH_TIMEOUT_MS = 1_000;

export function bullmqOutboxPublisher(queue: Queue, logger: Logger): OutboxPublisher {
  return {
    async publish(outboxIds) {
      if (outboxIds.length === 0) return { published: 0, failed: 0 };
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          queue.addBulk(
            outboxIds.map((outboxId) => ({
              name: INCIDENT_EVENT_JOB,
              data: { outboxId } satisfies IncidentEventJob,
              opts: { jobId: incidentEventJobId(outboxId) },
            })),
          ),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`Redis did not answer within ${PUBLISH_TIMEOUT_MS} ms`)), PUBLISH_TIMEOUT_MS);
          }),
        ]);
        return { published: outboxIds.length, failed: 0 };
      } catch (err) {
        logger.warn({ err: (err as Error).message, count: outboxIds.length }, 'outbox publish deferred to relay');
        return { published: 0, failed: outboxIds.length };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
