import {
  decideOutboundHeartbeat,
  type OutboundHeartbeatDecision,
  type OutboundHeartbeatFailure,
  type OutboundHeartbeatThresholds,
  type PipelineHealth,
} from '@heinrich/core/outbound-heartbeat/decide-outbound-heartbeat';
import { loadPipelineLag } from '@heinrich/db/outbound-heartbeat/load-pipeline-lag';
import { pingHeartbeatUrl, type HeartbeatPingResult } from '@heinrich/providers/outbound-heartbeat/ping-heartbeat-url';
import type { Context } from '../context';

export interface OutboundHeartbeatDeps {
  /** HEARTBEAT_URL as it is now (a rotated HEARTBEAT_URL_FILE is followed); undefined: nothing to ping */
  url(): string | undefined;
  thresholds: OutboundHeartbeatThresholds;
  /** Redis' PING and the BullMQ workers per queue consumed by workers; undefined when Redis does not answer */
  probeRedis(): Promise<{ consumers: Record<string, number> } | undefined>;
  timeoutMs: number;
  /** the ping (pingHeartbeatUrl by default) */
  ping?: (url: string) => Promise<HeartbeatPingResult>;
}

export type OutboundHeartbeatOutcome =
  | { status: 'sent'; httpStatus: number }
  | { status: 'not-sent'; decision: Extract<OutboundHeartbeatDecision, { send: false }> }
  | { status: 'failed'; error: string }
  | { status: 'unconfigured' };

/** The failure reasons an outcome counts (heinrich_outbound_heartbeat_failures_total). */
export function outboundHeartbeatFailures(outcome: OutboundHeartbeatOutcome): OutboundHeartbeatFailure[] {
  if (outcome.status === 'not-sent') return outcome.decision.reasons;
  if (outcome.status === 'failed') return ['send'];
  return [];
}

/**
 * One outbound heartbeat pass (docs/monitoring.md "Outbound heartbeat"): load
 * the pipeline's health (Postgres' outbox and escalation ages, Redis' PING and
 * consumers), let core decide, and ping HEARTBEAT_URL only when it is healthy.
 * Never rejects: an unreachable Postgres or Redis is a reason not to ping.
 */
export async function sendOutboundHeartbeat(ctx: Context, deps: OutboundHeartbeatDeps): Promise<OutboundHeartbeatOutcome> {
  const url = deps.url();
  if (!url) return { status: 'unconfigured' };
  const [postgres, redis] = await Promise.all([
    loadPipelineLag(ctx.db.pool).catch(() => undefined),
    deps.probeRedis().catch(() => undefined),
  ]);
  const health: PipelineHealth = { ...(postgres ? { postgres } : {}), ...(redis ? { redis } : {}) };
  const decision = decideOutboundHeartbeat(health, deps.thresholds, ctx.now());
  if (!decision.send) return { status: 'not-sent', decision };
  const ping = deps.ping ?? ((u: string) => pingHeartbeatUrl(u, { timeoutMs: deps.timeoutMs }));
  const result = await ping(url);
  return result.ok ? { status: 'sent', httpStatus: result.status } : { status: 'failed', error: result.error };
}
