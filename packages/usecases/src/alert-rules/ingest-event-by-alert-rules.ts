import { sha256Hex } from '@heinrich/core/alert-group';
import { ruleRouteTargets } from '@heinrich/core/alert-rules/decide-rule-routes';
import { evaluateAlertRules } from '@heinrich/core/alert-rules/evaluate-alert-rules';
import { normalizeTrigger } from '@heinrich/core/normalize-event';
import { findOpenGroupService } from '@heinrich/db/ingest/find-open-group-service';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { selectRoutingTargets } from '@heinrich/db/routing/select-routing-targets';
import type { Context } from '../context';
import { ingestEvent, triggerOf, type EventCommand, type EventResult } from '../ingest/ingest-event';
import { deliveryAlertRules } from './delivery-alert-rules';

/**
 * An events-API event on a service key whose alert rules route
 * (routeToServiceId): load (which of the service and its route targets holds
 * the dedup_key's open incident) → decide (there, so a re-trigger, acknowledge
 * or resolve finds what the first trigger opened; else a trigger goes where the
 * rules send it, core evaluateAlertRules at this instant) → the target's
 * normal events ingest, its rules after this service's (recorded, one hop).
 * Without route rules: the service's own ingest, no query.
 */
export async function ingestEventByAlertRules(
  ctx: Context,
  key: Pick<ActiveIntegrationKey, 'keyId' | 'serviceId' | 'autoResolve' | 'noise' | 'serviceName' | 'alertRules'>,
  event: EventCommand,
): Promise<EventResult> {
  const now = ctx.now();
  const set = deliveryAlertRules({ id: key.serviceId, name: key.serviceName }, key.alertRules, now);
  const candidates = ruleRouteTargets(set);
  if (!set || candidates.length === 0) return ingestEvent(ctx, key, event);
  let to: string | null = null;
  if (event.dedupKey) {
    const holder = await findOpenGroupService(ctx.db.pool, [key.serviceId, ...candidates], sha256Hex(`events:${event.dedupKey}`));
    if (holder) to = holder === key.serviceId ? null : holder;
  }
  if (to === null && event.trigger && event.action === 'trigger') {
    to = evaluateAlertRules(set.rules, normalizeTrigger(triggerOf(event.dedupKey ?? '', event), now.toISOString()), set.at, set.service).routeTo?.serviceId ?? null;
  }
  if (to === null) return ingestEvent(ctx, key, event);
  const [target] = await selectRoutingTargets(ctx.db.pool, [to], []);
  if (!target) return ingestEvent(ctx, key, event);
  return ingestEvent(
    ctx,
    { keyId: key.keyId, actorId: `integration-key:${key.keyId}`, serviceId: to, autoResolve: target.autoResolve, noise: target.noise, serviceName: target.name, alertRules: target.alertRules, routedFrom: { ...set, targetName: target.name } },
    event,
  );
}
