import { decideRuleRoutes, ruleRouteTargets } from '@heinrich/core/alert-rules/decide-rule-routes';
import type { AlertGroup, IncomingAlert } from '@heinrich/core/incoming-alert';
import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { selectOccurrenceServices } from '@heinrich/db/ingest/select-occurrence-services';
import { selectRoutingTargets } from '@heinrich/db/routing/select-routing-targets';
import type { Context } from '../context';
import type { BatchDelivery } from '../ingest/apply-ingest-batch';
import { deliveryAlertRules } from './delivery-alert-rules';

/**
 * A service key's delivery whose alert rules route (routeToServiceId,
 * docs/alert-rules.md), split by where each alert belongs: load (which
 * candidate service already holds each occurrence; the targets' ingest
 * settings) → decide (core decideRuleRoutes) → the deliveries, committed
 * together in one transaction (ingestDeliveries), so the target services'
 * group locks are taken with the others at BEGIN, in the one lock order. Each
 * target's delivery is grouped by the target's groupBy (`regroup`), carries
 * its rules and `routedFrom` (this service's rules, run again in the
 * transaction and recorded, then the target's with route actions ignored: one
 * hop, no loops). A target deleted since the rule was saved keeps the alert
 * here. Without route rules: the delivery itself, no query.
 */
export async function routeByAlertRules(
  ctx: Context,
  delivery: BatchDelivery,
  regroup: (alert: IncomingAlert, groupBy: readonly string[]) => AlertGroup,
): Promise<BatchDelivery[]> {
  const set = delivery.alertRules;
  const candidates = ruleRouteTargets(set);
  if (!set || candidates.length === 0 || delivery.routedFrom) return [delivery];
  const storedIn = await selectOccurrenceServices(ctx.db.pool, [delivery.serviceId, ...candidates], delivery.alerts);
  const routes = decideRuleRoutes(set, delivery.alerts, storedIn);
  const wanted = [...new Set(routes.filter((r): r is string => r !== null))];
  if (wanted.length === 0) return [delivery];
  const targets = new Map((await selectRoutingTargets(ctx.db.pool, wanted, [])).map((t) => [t.serviceId, t]));
  const stay: IncomingAlert[] = [];
  const moved = new Map<string, IncomingAlert[]>();
  delivery.alerts.forEach((a, i) => {
    const to = routes[i];
    if (!to || !targets.has(to)) return void stay.push(a);
    const list = moved.get(to) ?? [];
    list.push(a);
    moved.set(to, list);
  });
  const out: BatchDelivery[] = [{ ...delivery, alerts: stay }];
  for (const [serviceId, alerts] of moved) {
    const t = targets.get(serviceId)!;
    const at = new Date(set.at);
    out.push({
      serviceId,
      autoResolve: t.autoResolve,
      noise: noiseSettingsOf(t.noise),
      truncatedAlerts: delivery.truncatedAlerts,
      via: delivery.via,
      actor: delivery.actor,
      alertRules: deliveryAlertRules({ id: serviceId, name: t.name }, t.alertRules, at),
      routedFrom: { ...set, targetName: t.name },
      alerts: alerts.map((a) => ({ ...a, group: regroup(a, t.groupBy) })),
    });
  }
  return out;
}
