import type { OutboundHeartbeatFailure } from '@heinrich/core/outbound-heartbeat/decide-outbound-heartbeat';
import { OUTBOUND_HEARTBEAT_FAILURES } from '@heinrich/core/outbound-heartbeat/decide-outbound-heartbeat';
import { Counter, Gauge, type Registry } from 'prom-client';

export type OutboundHeartbeatMetrics = ReturnType<typeof createOutboundHeartbeatMetrics>;

/**
 * The outbound heartbeat's metrics (docs/monitoring.md), registered only when
 * HEARTBEAT_URL is configured, so `HeinrichOutboundHeartbeatNotSent` has nothing
 * to read on installations without one. The timestamp starts at the worker's
 * start: a worker that never manages a ping alerts as one whose pings stopped.
 */
export function createOutboundHeartbeatMetrics(registry: Registry, sinceMs: number) {
  const lastSuccess = new Gauge({
    name: 'heinrich_outbound_heartbeat_last_success_timestamp_seconds',
    help: "When this worker's last outbound heartbeat ping (HEARTBEAT_URL) was answered 2xx, Unix seconds; the worker's start until the first",
    registers: [registry],
  });
  lastSuccess.set(sinceMs / 1000);
  const failures = new Counter({
    name: 'heinrich_outbound_heartbeat_failures_total',
    help: 'Outbound heartbeat pings not sent (the pipeline unhealthy: postgres, redis, outbox_lag, escalation_lag, no_consumer) or not answered 2xx (send), by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  // every reason from the start, so rate() sees the first one
  for (const reason of OUTBOUND_HEARTBEAT_FAILURES) failures.inc({ reason }, 0);
  return {
    succeeded(atMs: number) {
      lastSuccess.set(atMs / 1000);
    },
    failed(reasons: readonly OutboundHeartbeatFailure[]) {
      for (const reason of reasons) failures.inc({ reason });
    },
  };
}
