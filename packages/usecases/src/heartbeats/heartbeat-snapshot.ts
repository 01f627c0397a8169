import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';

/** A heartbeat as the audit log records it: never the token or its hash (the prefix tells tokens apart). */
export function heartbeatSnapshot(h: HeartbeatRow) {
  return {
    id: h.id,
    serviceId: h.serviceId,
    name: h.name,
    intervalSeconds: h.intervalSeconds,
    graceSeconds: h.graceSeconds,
    tokenPrefix: h.tokenPrefix,
    paused: h.status === 'paused',
  };
}
