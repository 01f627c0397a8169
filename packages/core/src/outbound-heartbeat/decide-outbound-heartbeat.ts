/**
 * The outbound heartbeat (docs/monitoring.md "Outbound heartbeat"): the worker
 * pings HEARTBEAT_URL, an external dead man's switch, only while the whole
 * pipeline is healthy, so the switch fires for any of these, not only for a
 * dead process.
 */

/** Why a ping was not sent (the pipeline) or did not count (`send`: no 2xx); heinrich_outbound_heartbeat_failures_total's `reason`. */
export const OUTBOUND_HEARTBEAT_FAILURES = ['postgres', 'redis', 'outbox_lag', 'escalation_lag', 'no_consumer', 'send'] as const;
export type OutboundHeartbeatFailure = (typeof OUTBOUND_HEARTBEAT_FAILURES)[number];

export interface OutboundHeartbeatThresholds {
  /** HEARTBEAT_MAX_OUTBOX_LAG_SECONDS: the oldest unhandled outbox event may be this old */
  maxOutboxLagSeconds: number;
  /** HEARTBEAT_MAX_ESCALATION_LAG_SECONDS: a due escalation step (or ack timeout) may be this overdue */
  maxEscalationLagSeconds: number;
}

/** What the worker found, as of `now`. */
export interface PipelineHealth {
  /** undefined: Postgres did not answer */
  postgres?: {
    /** created_at of the oldest outbox row (an event committed, no worker handled it yet); null: none */
    oldestOutboxAt: Date | null;
    /** the earliest next_due_at of an escalation (a step or acknowledgement timeout pending); null: none */
    earliestDueAt: Date | null;
  };
  /** undefined: Redis did not answer the PING; else the BullMQ workers connected to each queue the worker consumes */
  redis?: { consumers: Readonly<Record<string, number>> };
}

export type OutboundHeartbeatDecision =
  | { send: true }
  | {
      send: false;
      reasons: Exclude<OutboundHeartbeatFailure, 'send'>[];
      /** for the log: the lags found (seconds) and the queues nobody consumes */
      detail: { outboxLagSeconds?: number; escalationLagSeconds?: number; unconsumedQueues?: string[] };
    };

/**
 * Ping or not. Healthy means all of: Postgres answered; Redis answered; the
 * oldest outbox event is at most `maxOutboxLagSeconds` old and the most
 * overdue escalation step at most `maxEscalationLagSeconds` overdue (both
 * inclusive; a step due in the future is not late); every queue has at least
 * one worker consuming it. What can't be known (lags without Postgres,
 * consumers without Redis) is not reported as a second reason.
 */
export function decideOutboundHeartbeat(health: PipelineHealth, thresholds: OutboundHeartbeatThresholds, now: Date): OutboundHeartbeatDecision {
  const reasons: Exclude<OutboundHeartbeatFailure, 'send'>[] = [];
  const detail: Extract<OutboundHeartbeatDecision, { send: false }>['detail'] = {};
  if (!health.postgres) reasons.push('postgres');
  if (!health.redis) reasons.push('redis');
  if (health.postgres) {
    const outboxLag = lagSeconds(health.postgres.oldestOutboxAt, now);
    if (outboxLag > thresholds.maxOutboxLagSeconds) {
      reasons.push('outbox_lag');
      detail.outboxLagSeconds = outboxLag;
    }
    const escalationLag = lagSeconds(health.postgres.earliestDueAt, now);
    if (escalationLag > thresholds.maxEscalationLagSeconds) {
      reasons.push('escalation_lag');
      detail.escalationLagSeconds = escalationLag;
    }
  }
  if (health.redis) {
    const unconsumed = Object.entries(health.redis.consumers)
      .filter(([, n]) => n < 1)
      .map(([queue]) => queue)
      .sort();
    if (unconsumed.length > 0) {
      reasons.push('no_consumer');
      detail.unconsumedQueues = unconsumed;
    }
  }
  return reasons.length === 0 ? { send: true } : { send: false, reasons, detail };
}

/** Seconds `since` lies before `now` (0 when null or in the future), to the millisecond. */
function lagSeconds(since: Date | null, now: Date): number {
  if (!since) return 0;
  return Math.max(0, (now.getTime() - since.getTime()) / 1000);
}
