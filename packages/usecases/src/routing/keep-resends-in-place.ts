import { occurrenceKey } from '@heinrich/core/alert-rules/decide-rule-routes';
import { mayHaveDrifted, stickToHolders } from '@heinrich/core/routing/stick-to-holders';
import { selectOccurrenceServices } from '@heinrich/db/ingest/select-occurrence-services';
import type { Queryable } from '@heinrich/db/queryable';
import { selectRoutingTargets } from '@heinrich/db/routing/select-routing-targets';
import type { RoutingConfig, RoutingPlan } from './plan-routing';

/**
 * A routing integration's plan with each re-send sent where its first copy went
 * (docs/routing.md "Re-sends stay where they went"): when routing may decide
 * differently now than when an occurrence began (the integration's rules have a
 * time condition, or it changed since), the services holding those occurrences
 * are looked up (one indexed query) and win over the plan, so a re-send is
 * deduplicated where it is held and its resolve resolves it there: never a
 * second page elsewhere, never an incident left open. Otherwise (the usual
 * case) nothing is looked up.
 */
export async function keepResendsInPlace(
  q: Queryable,
  changedAt: Date,
  config: RoutingConfig,
  alerts: readonly { fingerprint: string; startsAt: string }[],
  plan: RoutingPlan,
): Promise<RoutingPlan> {
  const drift = { timeConditioned: config.alertRules?.rules.some((c) => c.rule.time !== null) ?? false, changedAt: changedAt.getTime() };
  const asked = alerts.filter((a) => mayHaveDrifted(a, drift));
  if (asked.length === 0) return plan;
  const held = await selectOccurrenceServices(q, null, asked);
  const decisions = stickToHolders(
    plan.decisions,
    alerts.map((a) => held.get(occurrenceKey(a))),
  );
  const missing = [...new Set(decisions.flatMap((d) => (d.kind === 'service' && !plan.targets.has(d.serviceId) ? [d.serviceId] : [])))];
  if (missing.length === 0) return { ...plan, decisions };
  const targets = new Map(plan.targets);
  for (const t of await selectRoutingTargets(q, missing, [])) targets.set(t.serviceId, t);
  return { ...plan, decisions, targets };
}
