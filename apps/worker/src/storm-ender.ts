import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { endQuietStorms } from '@heinrich/usecases/storms/end-quiet-storms';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * Storm mode (docs/noise.md): every `intervalMs` (STORM_END_INTERVAL_MS) ends
 * the storms whose service opened no incident for its storm.quietSeconds
 * (endQuietStorms). Nothing to do without active storms: one indexed query.
 */
export function startStormEnder(deps: { ctx: Context; logger: Logger; intervalMs: number }): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'storm end pass failed',
    pass: async () => {
      const outcome = await endQuietStorms(deps.ctx);
      if (outcome.ended > 0) deps.logger.info(outcome, 'storms ended');
    },
  });
}
