import type { Logger } from '@heinrich/config/logger';
import { escalationStepJob } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import type { EscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import { runEscalationStep, type StepOutcome } from '@heinrich/usecases/escalation/run-escalation-step';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { observeEscalation, type WorkerMetrics } from '../worker-metrics';

/**
 * Processor of `escalations` jobs: parse the IDs-only payload, run the step
 * with its claim (a duplicate or late job does nothing), count what it did. A
 * job that woke up before its step is due goes back to sleep until then
 * (BullMQ's documented snooze: moveToDelayed + DelayedError, no attempt used).
 */
export function escalationStepHandler(deps: { ctx: Context; logger: Logger; metrics: WorkerMetrics; scheduler: EscalationScheduler }) {
  return async (job: Job, token?: string): Promise<Exclude<StepOutcome, { status: 'done' }> | { status: 'done'; lateMs: number }> => {
    const payload = escalationStepJob.safeParse(job.data);
    if (!payload.success) {
      throw new UnrecoverableError(`Job ${job.id} has an invalid escalation-step payload: ${payload.error.message}`);
    }
    const outcome = await runEscalationStep(deps.ctx, payload.data, { scheduler: deps.scheduler });
    if (outcome.status === 'not-due') {
      const waitMs = Math.max(0, outcome.dueAt.getTime() - deps.ctx.now().getTime());
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    if (outcome.status !== 'done') {
      deps.logger.debug({ jobId: job.id, status: outcome.status }, 'escalation step: nothing to do');
      return outcome;
    }
    deps.metrics.escalationLateness.observe({ path: 'job' }, outcome.lateMs / 1000);
    observeEscalation(deps.metrics, outcome.effects);
    deps.logger.info({ jobId: job.id, lateMs: outcome.lateMs, pages: outcome.effects.pagesCreated }, 'escalation step run');
    return { status: 'done', lateMs: outcome.lateMs };
  };
}
