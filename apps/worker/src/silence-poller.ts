import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { pollSilences } from '@heinrich/usecases/silences/poll-silences';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * While an incident is silenced in Alertmanager, its resolved alerts send no
 * webhook: every `intervalMs` (SILENCE_POLL_INTERVAL_MS) this asks Alertmanager
 * which of the silenced incidents' alerts are gone and resolves them
 * (pollSilences), once that Alertmanager has run SILENCE_POLL_RESTART_GRACE_MS.
 * Nothing to do when no silence is open: one indexed query.
 */
export function startSilencePoller(deps: { ctx: Context; logger: Logger; intervalMs: number; restartGraceMs?: number }): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'silence poll failed',
    pass: async () => {
      const outcome = await pollSilences(deps.ctx, { restartGraceMs: deps.restartGraceMs });
      if (outcome.alertsResolved > 0 || outcome.silencesClosed > 0 || outcome.failed > 0) {
        deps.logger.info(outcome, 'silence poll');
      }
    },
  });
}
