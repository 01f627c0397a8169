import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { endQuietFlaps } from '@heinrich/usecases/flapping/end-quiet-flaps';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * Flapping (docs/noise.md "Flapping"): every `intervalMs` (FLAP_END_INTERVAL_MS)
 * resolves the incidents of flapping alert groups whose alerts stayed resolved
 * for their service's flapping.windowSeconds (endQuietFlaps). Nothing to do
 * without flapping groups: one indexed query.
 */
export function startFlapEnder(deps: { ctx: Context; logger: Logger; intervalMs: number }): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'flap end pass failed',
    pass: async () => {
      const outcome = await endQuietFlaps(deps.ctx);
      if (outcome.ended > 0) deps.logger.info(outcome, 'flapping ended');
    },
  });
}
