import type { Logger } from '@heinrich/config/logger';
import { escalationJobId, type EscalationJobRef } from '@heinrich/core/escalation/escalation-job-id';
import { ESCALATION_STEP_JOB, type EscalationStepJob } from '@heinrich/jobs/queues';
import type { Queue } from 'bullmq';

/** A step (or acknowledgement timeout) due at `dueAt`. */
export interface DueStep {
  ref: EscalationJobRef;
  dueAt: Date;
}

/**
 * Wakes the engine up when steps fall due. Best effort, never throws: Postgres
 * holds every due time, and the sweeper runs whatever a lost or late job
 * missed. Called after the deciding transaction commits.
 */
export interface EscalationScheduler {
  /** delayed jobs for these steps */
  schedule(steps: DueStep[]): Promise<void>;
  /** removes the jobs of steps no longer due (a job that is running stays; its claim finds nothing) */
  cancel(refs: EscalationJobRef[]): Promise<void>;
}

/** How long the engine waits on Redis before leaving a step to the sweeper. */
const REDIS_TIMEOUT_MS = 1_000;

/**
 * `now`: the engine's clock (Context.now). A job's delay is counted from the
 * moment it is added, as BullMQ counts it (its own timestamp + delay), so a
 * step's job wakes at its due time however long the deciding transaction took.
 */
export function bullmqEscalationScheduler(queue: Queue, logger: Logger, now: () => Date): EscalationScheduler {
  return {
    async schedule(steps) {
      if (steps.length === 0) return;
      const at = now().getTime();
      try {
        await withTimeout(
          queue.addBulk(
            steps.map(({ ref, dueAt }) => ({
              name: ESCALATION_STEP_JOB,
              data: { incidentId: ref.incidentId, cycle: ref.cycle, step: ref.step, generation: ref.generation } satisfies EscalationStepJob,
              opts: { jobId: escalationJobId(ref), delay: Math.max(0, dueAt.getTime() - at) },
            })),
          ),
        );
      } catch (err) {
        logger.warn({ err: (err as Error).message, count: steps.length }, 'escalation jobs not enqueued: the sweeper will run them');
      }
    },
    async cancel(refs) {
      if (refs.length === 0) return;
      try {
        // 0 when the job is gone or running: its claim finds the row changed
        await withTimeout(Promise.all(refs.map((ref) => queue.remove(escalationJobId(ref)))));
      } catch (err) {
        logger.debug({ err: (err as Error).message, count: refs.length }, 'escalation jobs not removed: they will find nothing to do');
      }
    },
  };
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
