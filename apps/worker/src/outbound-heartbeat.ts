import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import {
  outboundHeartbeatFailures,
  sendOutboundHeartbeat,
  type OutboundHeartbeatDeps,
} from '@heinrich/usecases/outbound-heartbeat/send-outbound-heartbeat';
import type { OutboundHeartbeatMetrics } from './outbound-heartbeat-metrics';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/** One ping may take this long at most (and never longer than the interval). */
const PING_TIMEOUT_MS = 10_000;

/**
 * The outbound heartbeat (docs/monitoring.md "Outbound heartbeat"): every
 * HEARTBEAT_INTERVAL_SECONDS one pass judges the pipeline and pings
 * HEARTBEAT_URL only when it is healthy (sendOutboundHeartbeat). Every worker
 * pings; the receiver needs one ping per interval. Logs say why a ping was not
 * sent (once per change, not every interval) and never contain the URL.
 */
export function startOutboundHeartbeat(deps: {
  ctx: Context;
  logger: Logger;
  intervalMs: number;
  metrics: OutboundHeartbeatMetrics;
  heartbeat: Omit<OutboundHeartbeatDeps, 'timeoutMs'>;
}): PassRunner {
  const { logger } = deps;
  // the last reason logged at warn, so an outage is one line, and its end another
  let lastProblem: string | undefined;
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger,
    failure: 'outbound heartbeat pass failed',
    pass: async () => {
      const outcome = await sendOutboundHeartbeat(deps.ctx, { ...deps.heartbeat, timeoutMs: Math.min(PING_TIMEOUT_MS, deps.intervalMs) });
      if (outcome.status === 'unconfigured') return;
      deps.metrics.failed(outboundHeartbeatFailures(outcome));
      if (outcome.status === 'sent') {
        deps.metrics.succeeded(deps.ctx.now().getTime());
        if (lastProblem !== undefined) logger.info({ httpStatus: outcome.httpStatus }, 'outbound heartbeat sent again');
        else logger.debug({ httpStatus: outcome.httpStatus }, 'outbound heartbeat sent');
        lastProblem = undefined;
        return;
      }
      const problem = outcome.status === 'failed' ? `send: ${outcome.error}` : outcome.decision.reasons.join(',');
      const fields = outcome.status === 'failed' ? { error: outcome.error } : { reasons: outcome.decision.reasons, ...outcome.decision.detail };
      if (problem !== lastProblem) {
        logger.warn(fields, outcome.status === 'failed' ? 'outbound heartbeat not answered 2xx' : 'outbound heartbeat not sent: the pipeline is unhealthy');
      }
      lastProblem = problem;
    },
  });
}
