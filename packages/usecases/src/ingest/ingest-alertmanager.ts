import { splitWatchdog } from '@heinrich/core/heartbeats/watchdog-signal';
import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { normalizeAlertmanager, type AlertmanagerPayload } from '@heinrich/core/normalize-alertmanager';
import { findHeartbeat } from '@heinrich/db/heartbeats/find-heartbeat';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { rememberExternalUrl } from '@heinrich/db/silences/remember-external-url';
import { deliveryAlertRules } from '../alert-rules/delivery-alert-rules';
import type { Context } from '../context';
import { applyHeartbeatSignal } from '../heartbeats/apply-heartbeat-signal';
import type { BatchDelivery } from './apply-ingest-batch';
import { ingestAlerts, ingestDeliveries, type IngestSummary } from './ingest-alerts';
import { sumSummaries } from './sum-summaries';
import { routeByAlertRules } from '../alert-rules/route-by-alert-rules';
import { alertGroup } from '@heinrich/core/alert-group';

export interface AlertmanagerIngestSummary extends IngestSummary {
  /** alerts taken as the key's heartbeat Watchdog: neither new nor deduplicated, never part of an incident */
  alertsHeartbeat: number;
  /** what the Watchdog did: a ping (firing) or a miss (resolved); null when the notification carried none */
  heartbeat: { id: string; signal: 'ping' | 'miss'; status: string } | null;
}

const NOTHING: Omit<IngestSummary, 'alertsReceived'> = {
  alertsNew: 0,
  alertsDeduplicated: 0,
  alertsResolved: 0,
  alertsIgnored: 0,
  alertsStale: 0,
  incidentsOpened: 0,
  incidentsResolved: 0,
  incidents: [],
  deferred: 0,
  flapSuppressed: 0,
};

/**
 * One Alertmanager notification, already authenticated and validated. On a
 * key naming a heartbeat, core takes its Watchdog alerts out (splitWatchdog):
 * they are a ping (firing) or a miss (only resolved) of the heartbeat,
 * applied in the same transaction as the notification's other alerts.
 */
export async function ingestAlertmanager(
  ctx: Context,
  key: ActiveIntegrationKey,
  payload: AlertmanagerPayload & { truncatedAlerts: number; externalURL?: string },
): Promise<AlertmanagerIngestSummary> {
  const alerts = normalizeAlertmanager(payload, key.groupBy);
  const delivery: Omit<BatchDelivery, 'alerts'> = {
    serviceId: key.serviceId,
    autoResolve: key.autoResolve,
    noise: noiseSettingsOf(key.noise),
    truncatedAlerts: payload.truncatedAlerts,
    via: 'alertmanager',
    actor: `integration-key:${key.keyId}`,
    alertRules: deliveryAlertRules({ id: key.serviceId, name: key.serviceName }, key.alertRules, ctx.now()),
  };
  const split = splitWatchdog(alerts, key.watchdog);
  let summary: AlertmanagerIngestSummary;
  if (!key.watchdog || !split.signal) {
    // alert rules that route (routeToServiceId) send some alerts to other services, grouped by their groupBy, in the same transaction
    const parts = await routeByAlertRules(ctx, { ...delivery, alerts }, (a, groupBy) =>
      alertGroup({ groupBy, labels: a.labels, annotations: a.annotations, senderGroupKey: payload.groupKey, senderGroupLabels: payload.groupLabels }),
    );
    const ingested = parts.length === 1 ? await ingestAlerts(ctx, { ...delivery, alerts }) : sumSummaries(await ingestDeliveries(ctx, parts), alerts.length);
    summary = { ...ingested, alertsHeartbeat: 0, heartbeat: null };
  } else {
    const { heartbeatId, heartbeatServiceId } = key.watchdog;
    const applied = await applyHeartbeatSignal(ctx, {
      serviceId: heartbeatServiceId,
      heartbeatId,
      find: (client) => findHeartbeat(client, heartbeatId, { forUpdate: true }),
      signal: split.signal,
      ...(split.rest.length > 0 ? { also: { ...delivery, alerts: split.rest } } : {}),
    });
    summary = {
      ...(applied.alsoSummary ?? { ...NOTHING, alertsReceived: 0 }),
      alertsReceived: alerts.length,
      alertsHeartbeat: split.watchdogs,
      heartbeat: applied.heartbeat ? { id: heartbeatId, signal: split.signal, status: applied.heartbeat.status } : null,
    };
  }
  // where silences of these alerts go when the key has no Alertmanager URL configured
  // (after the commit, and only when it changed: not a write per notification)
  if (payload.externalURL && payload.externalURL !== key.externalUrl && /^https?:\/\//.test(payload.externalURL)) {
    await rememberExternalUrl(ctx.db.pool, key.keyId, payload.externalURL).catch((err: unknown) =>
      ctx.logger.warn({ err, keyId: key.keyId }, 'could not store the Alertmanager externalURL'),
    );
  }
  return summary;
}
