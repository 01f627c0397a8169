import { normalizeAlertmanager, type AlertmanagerPayload } from '@heinrich/core/normalize-alertmanager';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import type { Context } from '../context';
import { ingestAlerts, type IngestSummary } from './ingest-alerts';

/** One Alertmanager notification, already authenticated and validated. */
export function ingestAlertmanager(ctx: Context, key: ActiveIntegrationKey, payload: AlertmanagerPayload & { truncatedAlerts: number }): Promise<IngestSummary> {
  return ingestAlerts(ctx, {
    serviceId: key.serviceId,
    autoResolve: key.autoResolve,
    alerts: normalizeAlertmanager(payload, key.groupBy),
    truncatedAlerts: payload.truncatedAlerts,
    via: 'alertmanager',
    actor: `integration-key:${key.keyId}`,
  });
}
