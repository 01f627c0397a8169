import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import type { EscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import { releaseEndedMaintenance, type ReleaseOutcome } from '@heinrich/usecases/maintenance/release-ended-maintenance';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * Maintenance windows (docs/maintenance-windows.md): every `intervalMs`
 * (MAINTENANCE_RELEASE_INTERVAL_MS, 5 s) pages the held incidents whose
 * window ended (by time, PATCH or POST /end) while they still fire
 * (releaseEndedMaintenance). The timers are the incidents' maintenance_until
 * in Postgres, claimed FOR UPDATE SKIP LOCKED: a Redis flush or a restart
 * loses none, two workers page each once. Nothing due: one indexed query.
 */
export function startMaintenanceReleaser(deps: {
  ctx: Context;
  logger: Logger;
  intervalMs: number;
  scheduler: EscalationScheduler;
  onReleased?: (outcome: ReleaseOutcome) => void;
}): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'maintenance release pass failed',
    pass: async () => {
      const outcome = await releaseEndedMaintenance(deps.ctx, { scheduler: deps.scheduler });
      if (outcome.released.length > 0) {
        deps.logger.info({ released: outcome.released }, 'maintenance holds ended');
        deps.onReleased?.(outcome);
      }
    },
  });
}
