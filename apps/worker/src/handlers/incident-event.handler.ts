import type { Logger } from '@heinrich/config/logger';
import { incidentEventJob } from '@heinrich/jobs/queues';
import type { Context } from '@heinrich/usecases/context';
import type { EscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import { handleIncidentEvent, type IncidentEventOutcome } from '@heinrich/usecases/outbox/handle-incident-event';
import { UnrecoverableError, type Job } from 'bullmq';
import { observeEscalation, type WorkerMetrics } from '../worker-metrics';

/**
 * Processor of `incident-events` jobs: parse the IDs-only payload, handle the
 * outbox event exactly once, observe the ingest-to-worker lag. A payload that
 * doesn't parse can never succeed, so it fails at once instead of retrying.
 */
export function incidentEventHandler(deps: { ctx: Context; logger: Logger; metrics: WorkerMetrics; scheduler?: EscalationScheduler }) {
  return async (job: Job): Promise<IncidentEventOutcome> => {
    const payload = incidentEventJob.safeParse(job.data);
    if (!payload.success) {
      throw new UnrecoverableError(`Job ${job.id} has an invalid incident-event payload: ${payload.error.message}`);
    }
    const outcome = await handleIncidentEvent(deps.ctx, payload.data.outboxId, deps.ctx.now(), { scheduler: deps.scheduler });
    if (outcome.handled) {
      deps.metrics.outboxLag.observe(outcome.lagMs / 1000);
      observeEscalation(deps.metrics, outcome.escalation);
      const { escalation, ...rest } = outcome;
      deps.logger.info({ jobId: job.id, ...rest, pages: escalation.pagesCreated }, 'incident event handled');
    } else {
      deps.logger.debug({ jobId: job.id, outboxId: outcome.outboxId }, 'incident event already handled');
    }
    return outcome;
  };
}
