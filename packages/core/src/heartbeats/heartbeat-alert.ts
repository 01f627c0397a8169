import { sha256Hex } from '../alert-group';
import type { IncomingAlert } from '../incoming-alert';
import { heartbeatAlertKey, missedHeartbeatTitle } from './heartbeat-timing';

/**
 * A missed heartbeat as an alert occurrence, so it goes through the one
 * ingest path (its own group per heartbeat, the `opened` event and outbox
 * row, escalation through the service's policy). The occurrence is named by
 * the heartbeat and the last ping before the miss, so the resolving ping
 * (which sees that same last ping) sends the same occurrence as resolved, and
 * the next miss is a new one. Severity critical: high urgency on a service
 * that decides urgency by severity.
 */
export function heartbeatAlert(
  hb: { id: string; name: string; intervalSeconds: number; lastPingAt: Date },
  status: 'firing' | 'resolved',
  now: Date,
): IncomingAlert {
  const key = heartbeatAlertKey(hb.id);
  const title = missedHeartbeatTitle(hb.name, hb.lastPingAt, hb.intervalSeconds, now);
  return {
    fingerprint: `heartbeat-${hb.id}`,
    startsAt: hb.lastPingAt.toISOString(),
    endsAt: status === 'resolved' ? now.toISOString() : null,
    status,
    labels: { alertname: 'HeartbeatMissed', heartbeat: hb.name, severity: 'critical', source: 'heartbeat' },
    annotations: { summary: title },
    generatorUrl: null,
    severity: 'critical',
    group: { key, keyHash: sha256Hex(key), labels: { heartbeat: hb.name }, title },
  };
}
