import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { checkMissedHeartbeats } from '@heinrich/usecases/heartbeats/check-missed-heartbeats';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * The heartbeat timer: every `intervalMs` (HEARTBEAT_CHECK_INTERVAL_MS, 5 s)
 * one pass opens an incident for each heartbeat past last ping + interval +
 * grace (checkMissedHeartbeats). The timers are the rows' due_at in Postgres,
 * so a Redis flush or a restart loses none, and the pass claims rows with
 * FOR UPDATE SKIP LOCKED, so two workers open one incident per miss. Nothing
 * due: one indexed query.
 */
export function startHeartbeatChecker(deps: { ctx: Context; logger: Logger; intervalMs: number; onMissed?: (count: number) => void }): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'heartbeat check failed',
    pass: async () => {
      const outcome = await checkMissedHeartbeats(deps.ctx);
      if (outcome.missed.length > 0) {
        deps.logger.info({ missed: outcome.missed }, 'heartbeats missed');
        deps.onMissed?.(outcome.missed.length);
      }
    },
  });
}
