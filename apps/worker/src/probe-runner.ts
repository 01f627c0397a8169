import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { runProbePass, type ProbePassOutcome, type ProbeSettings } from '@heinrich/usecases/probe/run-probe-pass';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/** How often the probe's pass looks at its runs: a round trip is judged within this of the webhook's arrival. */
const PROBE_CHECK_INTERVAL_MS = 5_000;

/**
 * The synthetic probe's timer (PROBE_ENABLED; docs/monitoring.md "Synthetic
 * probe"): every few seconds one pass judges the pending run and sends a new
 * probe alert once PROBE_INTERVAL_SECONDS passed (runProbePass decides; the
 * runs are Postgres rows, so a restart or a second worker changes nothing).
 */
export function startProbeRunner(deps: { ctx: Context; logger: Logger; settings: ProbeSettings; onPass: (outcome: ProbePassOutcome) => void }): PassRunner {
  return startPassRunner({
    intervalMs: Math.min(PROBE_CHECK_INTERVAL_MS, deps.settings.intervalMs),
    logger: deps.logger,
    failure: 'probe pass failed',
    pass: async () => {
      const outcome = await runProbePass(deps.ctx, deps.settings);
      for (const v of outcome.finished) {
        if (v.outcome === 'failed') deps.logger.warn({ runId: v.id, reason: v.reason }, 'probe failed');
      }
      deps.onPass(outcome);
    },
  });
}
