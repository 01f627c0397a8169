import type { CreatedHeartbeatJson, HeartbeatJson } from '@heinrich/contracts/heartbeats';
import { maskedPingUrl, pingUrl, shownHeartbeatStatus } from '@heinrich/core/heartbeats/heartbeat-timing';
import type { HeartbeatRow } from '@heinrich/usecases/heartbeats/heartbeat-row';

/** A heartbeat as the API shows it: status as of `now` (late is derived), the ping URL masked. */
export function heartbeatJson(h: HeartbeatRow, publicUrl: string, now: Date): HeartbeatJson {
  return {
    id: h.id,
    serviceId: h.serviceId,
    name: h.name,
    intervalSeconds: h.intervalSeconds,
    graceSeconds: h.graceSeconds,
    status: shownHeartbeatStatus(h, now),
    lastPingAt: h.lastPingAt?.toISOString() ?? null,
    dueAt: h.dueAt?.toISOString() ?? null,
    incidentId: h.incidentId,
    maskedPingUrl: maskedPingUrl(publicUrl, h.tokenPrefix),
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

/** The answer to create and rotate-token: the token, its URL and a curl line, shown this once. */
export function createdHeartbeatJson(h: HeartbeatRow, token: string, publicUrl: string, now: Date): CreatedHeartbeatJson {
  const url = pingUrl(publicUrl, token);
  return { ...heartbeatJson(h, publicUrl, now), token, pingUrl: url, example: `curl -fsS -m 10 --retry 3 -X POST ${url}\n` };
}
