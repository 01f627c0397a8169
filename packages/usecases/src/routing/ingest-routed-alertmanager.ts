import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { normalizeAlertmanager, type AlertmanagerPayload } from '@heinrich/core/normalize-alertmanager';
import { insertUnroutedAlerts, type UnroutedAlertWrite } from '@heinrich/db/routing/unrouted-alerts';
import type { Context } from '../context';
import { deliveryAlertRules } from '../alert-rules/delivery-alert-rules';
import { ingestAlerts, type IngestSummary } from '../ingest/ingest-alerts';
import { sumSummaries } from '../ingest/sum-summaries';
import type { RoutingSender } from './authenticate-ingest-key';
import { keepResendsInPlace } from './keep-resends-in-place';
import { planRouting } from './plan-routing';
import { routingConfigOf } from './routing-config-of';

/** How one notification was split (the answer's `routing`, and the api's metrics). */
export interface RoutingBreakdown {
  /** alerts per target service (a catch-all counts here too) */
  services: { serviceId: string; alerts: number }[];
  /** alerts that went to the catch-all service (no route, or an unknown routingName) */
  catchAll: number;
  /** alerts dropped and recorded (no route and no catch-all service) */
  dropped: number;
}

/** The annotation a rerouted alert carries, saying why it went to the catch-all (shown with the alert). */
export const ROUTING_ANNOTATION = 'heinrich_routing';

/**
 * One Alertmanager notification sent to a routing integration's key. Each alert
 * meets the integration's alert rules, then is routed on the labels they left
 * (first match wins, docs/routing.md), unless its occurrence is already held by
 * a service (a re-send goes where its first copy went); the alerts of each target
 * service are normalized with that service's groupBy and ingested as if sent to
 * that service's own key (dedup, grouping, alert rules, maintenance, flapping,
 * storms: its normal ingest, one commitBatch per service). What went to the
 * catch-all or was dropped is recorded in unrouted_alerts. Resolves only after
 * every part committed: a failure of any part fails the notification (a 503,
 * Alertmanager retries, and dedup makes the parts already stored no-ops).
 */
export async function ingestRoutedAlertmanager(
  ctx: Context,
  sender: RoutingSender,
  payload: AlertmanagerPayload & { truncatedAlerts: number },
): Promise<IngestSummary & { routing: RoutingBreakdown }> {
  const { integration } = sender;
  const config = routingConfigOf(sender, ctx.now());
  const plan = await keepResendsInPlace(ctx.db.pool, integration.updatedAt, config, payload.alerts, await planRouting(ctx.db.pool, config, payload.alerts));
  const byService = new Map<string, AlertmanagerPayload['alerts']>();
  const unrouted: UnroutedAlertWrite[] = [];
  plan.decisions.forEach((d, i) => {
    const alert = payload.alerts[i]!;
    if (d.reason !== null) {
      unrouted.push({
        routingIntegrationId: integration.id, outcome: d.kind === 'drop' ? 'dropped' : 'catch_all', reason: d.reason,
        serviceId: d.kind === 'service' ? d.serviceId : null, fingerprint: alert.fingerprint, status: alert.status,
        labels: alert.labels, annotations: alert.annotations,
      });
    }
    if (d.kind === 'drop') return;
    const list = byService.get(d.serviceId) ?? [];
    list.push(d.reason === null ? alert : { ...alert, annotations: { ...alert.annotations, [ROUTING_ANNOTATION]: d.reason } });
    byService.set(d.serviceId, list);
  });

  const parts = await Promise.all([
    insertUnroutedAlerts(ctx.db.pool, unrouted, ctx.now()).then(() => null),
    ...[...byService].map(([serviceId, alerts]) => {
      const target = plan.targets.get(serviceId)!;
      return ingestAlerts(ctx, {
        serviceId,
        autoResolve: target.autoResolve,
        noise: noiseSettingsOf(target.noise),
        truncatedAlerts: payload.truncatedAlerts,
        // one hop (docs/routing.md): the target service's alert rules run on what is routed to it,
        // after the integration's own rules (re-run at the same instant on the new occurrences: the same outcome, recorded)
        alertRules: deliveryAlertRules({ id: serviceId, name: target.name }, target.alertRules, ctx.now()),
        ...(config.alertRules ? { routedFrom: { ...config.alertRules, targetName: target.name } } : {}),
        via: 'alertmanager',
        actor: `routing-integration:${integration.id}`,
        alerts: normalizeAlertmanager({ ...payload, alerts }, target.groupBy),
      });
    }),
  ]);
  const summaries = parts.filter((p): p is IngestSummary => p !== null);
  return {
    ...sumSummaries(summaries, payload.alerts.length),
    routing: {
      services: [...byService].map(([serviceId, alerts]) => ({ serviceId, alerts: alerts.length })),
      catchAll: unrouted.filter((u) => u.outcome === 'catch_all').length,
      dropped: unrouted.filter((u) => u.outcome === 'dropped').length,
    },
  };
}
