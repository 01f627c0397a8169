import type { Logger } from '@heinrich/config/logger';
import type { RelayOutcome } from '@heinrich/usecases/outbox/relay-stale-outbox';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

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

export type OutboxRelay = PassRunner;

/**
 * The relay, in every worker: a pass every `intervalMs` after the previous one
 * ended (a pass runner, runtime/pass-runner.ts), skipped quietly while Redis
 * is away (warned once per outage).
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const { logger } = deps;
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

  return startPassRunner({ intervalMs: deps.intervalMs, logger, failure: 'outbox relay pass failed', pass: runOnce });
}
