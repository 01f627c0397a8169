import type { IntegrationKeyJson } from '@heinrich/contracts/integration-keys';
import {
  DEFAULT_WATCHDOG_ALERTNAME,
  DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
  DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
} from '@heinrich/core/heartbeats/watchdog-signal';
import type { IntegrationKeySummary } from '@heinrich/usecases/integration-keys/integration-key-summary';

/** A key as lists show it: no secret, no hash, no Alertmanager credentials. */
export function integrationKeyJson(k: IntegrationKeySummary): IntegrationKeyJson {
  return {
    id: k.id,
    serviceId: k.serviceId,
    type: k.type,
    name: k.name,
    secretPrefix: k.secretPrefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    alertmanager: k.alertmanagerUrl ? { url: k.alertmanagerUrl } : null,
    heartbeat: k.heartbeatId
      ? {
          id: k.heartbeatId,
          alertname: k.watchdogAlertname ?? DEFAULT_WATCHDOG_ALERTNAME,
          repeatIntervalSeconds: k.watchdogRepeatIntervalSeconds ?? DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
          groupIntervalSeconds: k.watchdogGroupIntervalSeconds ?? DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
        }
      : null,
  };
}
