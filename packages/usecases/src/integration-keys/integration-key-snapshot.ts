import type { IntegrationKeySummary } from './integration-key-summary';

/** A key as the audit log records it: never the secret, its hash, or the Alertmanager credentials. */
export function integrationKeySnapshot(k: IntegrationKeySummary) {
  return {
    id: k.id,
    serviceId: k.serviceId,
    type: k.type,
    name: k.name,
    secretPrefix: k.secretPrefix,
    alertmanagerUrl: k.alertmanagerUrl,
    heartbeatId: k.heartbeatId,
    watchdogAlertname: k.watchdogAlertname,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
