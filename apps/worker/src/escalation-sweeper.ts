import type { Logger } from '@heinrich/config/logger';
import type { SweepOutcome } from '@heinrich/usecases/escalation/sweep-due-escalations';

export interface EscalationSweeperDeps {
  logger: Logger;
  intervalMs: number;
  /** one sweep (sweepDueEscalations bound to the worker's context and scheduler) */
  pass(): Promise<SweepOutcome>;
  onSwept(outcome: Extract<SweepOutcome, { status: 'done' }>): void;
}

export interface EscalationSweeper {
  /** stops the timer and waits for a sweep in flight */
  stop(): Promise<void>;
}

/**
 * The sweeper's in-process timer, in every worker: a sweep every `intervalMs`
 * after the previous one ended (never two at once in a process; across
 * processes the advisory lock decides). It needs only Postgres, so it keeps
 * escalations moving while Redis is flushed, restarted or away. Deliberately
 * not a BullMQ job scheduler: a Redis flush would delete it along with the
 * jobs it is meant to stand in for.
 */
export function startEscalationSweeper(deps: EscalationSweeperDeps): EscalationSweeper {
  const { logger } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function runOnce(): Promise<void> {
    const outcome = await deps.pass();
    if (outcome.status === 'busy') return logger.debug('escalation sweep skipped: another worker holds the lock');
    deps.onSwept(outcome);
    if (outcome.ran > 0 || outcome.failed > 0) {
      logger.info({ found: outcome.found, ran: outcome.ran, failed: outcome.failed }, 'escalation sweeper ran due steps their jobs had not');
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => logger.error({ err }, 'escalation sweep failed'))
        .finally(() => {
          running = undefined;
          schedule(deps.intervalMs);
        });
    }, delayMs);
  }

  schedule(deps.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
