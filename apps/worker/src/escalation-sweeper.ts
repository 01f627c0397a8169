import type { Logger } from '@heinrich/config/logger';
import type { SweepOutcome } from '@heinrich/usecases/escalation/sweep-due-escalations';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

export interface EscalationSweeperDeps {
  logger: Logger;
  intervalMs: number;
  /** one sweep (sweepDueEscalations bound to the worker's context and scheduler) */
  pass(): Promise<SweepOutcome>;
  onSwept(outcome: Extract<SweepOutcome, { status: 'done' }>): void;
}

export type EscalationSweeper = PassRunner;

/**
 * The sweeper, in every worker: a pass every `intervalMs` after the previous
 * one ended (a pass runner, runtime/pass-runner.ts). It needs only Postgres,
 * so it keeps escalations moving while Redis is flushed, restarted or away.
 */
export function startEscalationSweeper(deps: EscalationSweeperDeps): EscalationSweeper {
  const { logger } = deps;

  async function runOnce(): Promise<void> {
    const outcome = await deps.pass();
    if (outcome.status === 'busy') return logger.debug('escalation sweep skipped: another worker holds the lock');
    deps.onSwept(outcome);
    if (outcome.ran > 0 || outcome.failed > 0) {
      logger.info({ found: outcome.found, ran: outcome.ran, failed: outcome.failed }, 'escalation sweeper ran due steps their jobs had not');
    }
  }

  return startPassRunner({ intervalMs: deps.intervalMs, logger, failure: 'escalation sweep failed', pass: runOnce });
}
