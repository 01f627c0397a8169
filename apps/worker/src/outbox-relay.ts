import type { Logger } from '@heinrich/config/logger';
import type { RelayOutcome } from '@heinrich/usecases/outbox/relay-stale-outbox';

export interface OutboxRelayDeps {
  logger: Logger;
  intervalMs: number;
  /** one relay pass (relayStaleOutbox bound to the worker's context and queue) */
  pass(): Promise<RelayOutcome>;
  /** false while the producer connection is not ready: the pass is skipped without touching Postgres */
  redisReady(): boolean;
  /** relayed events (recreated + retried), for heinrich_outbox_relayed_total */
  onRelayed(count: number): void;
}

export interface OutboxRelay {
  /** stops the timer and waits for a pass in flight */
  stop(): Promise<void>;
}

/**
 * The relay's in-process timer: a pass every `intervalMs` after the previous
 * one ended (the first after one interval, once the connections are up) (never two at once in a process; across
 * processes the advisory lock decides). Deliberately not a BullMQ job
 * scheduler: a Redis flush would delete the scheduler along with the jobs it
 * is meant to recover.
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const { logger } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // warn once when Redis goes away, not on every pass of an outage
  let redisDown = false;

  const noteRedisDown = (reason: string) => {
    if (!redisDown) logger.warn({ reason }, 'outbox relay paused: redis unavailable');
    else logger.debug({ reason }, 'outbox relay skipped: redis unavailable');
    redisDown = true;
  };

  async function runOnce(): Promise<void> {
    if (!deps.redisReady()) return noteRedisDown('connection not ready');
    const outcome = await deps.pass();
    if (outcome.status === 'redis-unavailable') return noteRedisDown(outcome.reason);
    if (redisDown) logger.info('outbox relay resumed: redis available');
    redisDown = false;
    if (outcome.status === 'busy') return logger.debug('outbox relay skipped: another worker holds the lock');
    const relayed = outcome.recreated + outcome.retried;
    if (relayed > 0) {
      deps.onRelayed(relayed);
      logger.info({ examined: outcome.examined, recreated: outcome.recreated, retried: outcome.retried }, 'outbox relay re-enqueued events');
    } else if (outcome.examined > 0) {
      logger.debug({ examined: outcome.examined }, 'outbox relay found stale events still queued');
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => logger.error({ err }, 'outbox relay pass failed'))
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
