import { sha256Hex } from '@heinrich/core/alert-group';
import { normalizeTrigger } from '@heinrich/core/normalize-event';
import { stickToHolders } from '@heinrich/core/routing/stick-to-holders';
import { findRoutedEventService } from '@heinrich/db/routing/find-routed-event-service';
import { insertUnroutedAlerts } from '@heinrich/db/routing/unrouted-alerts';
import { selectRoutingTargets, type RoutingTarget } from '@heinrich/db/routing/select-routing-targets';
import type { Context } from '../context';
import { ingestEvent, triggerOf, type EventCommand, type EventResult } from '../ingest/ingest-event';
import type { RoutingSender } from './authenticate-ingest-key';
import { planRouting } from './plan-routing';
import { routingConfigOf } from './routing-config-of';

/**
 * One events-API event sent with a routing integration's key. A trigger (or any
 * event with a payload) is routed on the labels its payload gives the alert
 * (alertname = summary, source, severity, component, group, class); an
 * acknowledge or resolve without a payload goes to the service where this
 * integration opened that dedup_key's open incident (none: nothing to do, as
 * PagerDuty); a trigger whose dedup_key has such an open incident goes there
 * too, however it would be routed now. A dropped trigger is recorded in unrouted_alerts and answered
 * `dropped`; then the target service's normal events ingest runs.
 */
export async function ingestRoutedEvent(ctx: Context, sender: RoutingSender, event: EventCommand & { dedupKey: string }): Promise<EventResult | { dedupKey: string; outcome: 'dropped' }> {
  const { integration } = sender;
  const actorId = `routing-integration:${integration.id}`;
  let serviceId: string | undefined;
  let target: RoutingTarget | undefined;
  const config = routingConfigOf(sender, ctx.now());
  if (event.trigger) {
    const alert = normalizeTrigger(triggerOf(event.dedupKey, event), ctx.now().toISOString());
    const plan = await planRouting(ctx.db.pool, config, [alert]);
    // a re-sent trigger goes where this integration opened the dedup_key's open incident, whatever routing says
    // now (a time condition's boundary, an edit since): never a second incident elsewhere (docs/routing.md)
    const held = await findRoutedEventService(ctx.db.pool, actorId, sha256Hex(`events:${event.dedupKey}`));
    const d = stickToHolders(plan.decisions, [held])[0]!;
    if (d.reason !== null) {
      await insertUnroutedAlerts(ctx.db.pool, [{
        routingIntegrationId: integration.id, outcome: d.kind === 'drop' ? 'dropped' : 'catch_all', reason: d.reason,
        serviceId: d.kind === 'service' ? d.serviceId : null, fingerprint: event.dedupKey, status: event.action === 'resolve' ? 'resolved' : 'firing',
        labels: alert.labels, annotations: alert.annotations,
      }], ctx.now());
    }
    if (d.kind === 'drop') return { dedupKey: event.dedupKey, outcome: 'dropped' };
    serviceId = d.serviceId;
    target = plan.targets.get(serviceId) ?? (await selectRoutingTargets(ctx.db.pool, [serviceId], []))[0];
  } else {
    serviceId = await findRoutedEventService(ctx.db.pool, actorId, sha256Hex(`events:${event.dedupKey}`));
    if (!serviceId) return { dedupKey: event.dedupKey, outcome: 'no_open_incident' };
    [target] = await selectRoutingTargets(ctx.db.pool, [serviceId], []);
  }
  if (!target) return { dedupKey: event.dedupKey, outcome: 'no_open_incident' };
  return ingestEvent(ctx, { keyId: integration.id, actorId, serviceId, autoResolve: target.autoResolve, noise: target.noise, serviceName: target.name, alertRules: target.alertRules, ...(config.alertRules ? { routedFrom: { ...config.alertRules, targetName: target.name } } : {}) }, event);
}
