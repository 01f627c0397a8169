import { describeAppliedRules, evaluateAlertRules } from '@heinrich/core/alert-rules/evaluate-alert-rules';
import { selectRecentAlerts } from '@heinrich/db/routing/select-recent-alerts';
import type { Context } from '../context';
import { simulateEscalationPolicy } from '../escalation-policies/simulate-escalation-policy';
import { deliveryAlertRules } from '../alert-rules/delivery-alert-rules';
import { compileAlertRules } from '@heinrich/core/alert-rules/compile-alert-rules';
import type { AlertRuleInput } from '../alert-rules/service-alert-rules';
import { planRouting } from './plan-routing';
import { validRoutingAlertRules } from './routing-alert-rules';
import { ruleOwnerOf } from './routing-config-of';
import { validateRoutingInput, type RoutingIntegrationInput } from './validate-routing-input';

export interface PreviewItem {
  fingerprint: string;
  labels: Record<string, string>;
  outcome: 'routed' | 'catch_all' | 'dropped';
  routeIndex: number | null;
  serviceId: string | null;
  reason: string | null;
  /** what the integration's own alert rules and then the target service's would do, one line per change */
  alertRules: string[];
  suppressed: boolean;
  urgency: 'high' | 'low' | null;
  wouldPage: { userId: string; name: string }[];
}

/**
 * Draft routes against a pasted Alertmanager payload's alerts, or the last 100
 * received: per alert, the integration's own alert rules (as edited), then the route and service (the same planRouting the ingest
 * path runs, so the preview is what sending would do), and whom the service's
 * policy would page first now (the simulator, the engine's own decision).
 * Saves nothing. Bad drafts are the same 400s as saving them.
 */
export async function previewRouting(
  ctx: Context,
  draft: Pick<RoutingIntegrationInput, 'routes' | 'catchAllServiceId'> & { alertRules?: readonly AlertRuleInput[] | undefined; name?: string | undefined },
  alerts?: readonly { fingerprint: string; labels: Record<string, string>; annotations?: Record<string, string> }[],
): Promise<PreviewItem[]> {
  await validateRoutingInput(ctx.db.pool, { name: 'preview', teamId: null, routes: draft.routes, catchAllServiceId: draft.catchAllServiceId });
  const now = ctx.now();
  // the integration's own rules, as edited: run first, as ingest runs them (docs/alert-rules.md "Rules on a routing integration")
  const own = draft.alertRules?.length ? await validRoutingAlertRules(ctx.db.pool, draft.alertRules, 'alertRules') : [];
  const ownSet = own.length > 0 ? { rules: compileAlertRules(own), service: ruleOwnerOf({ id: '', name: draft.name ?? 'being edited' }), at: now.getTime() } : undefined;
  const sample = alerts ?? (await selectRecentAlerts(ctx.db.pool, 100));
  const plan = await planRouting(ctx.db.pool, { routes: draft.routes, catchAllServiceId: draft.catchAllServiceId, alertRules: ownSet }, sample);
  const pages = new Map<string, PreviewItem['wouldPage']>();
  const items: PreviewItem[] = [];
  for (const [i, d] of plan.decisions.entries()) {
    const a = sample[i]!;
    const first = plan.ruled[i] ?? null;
    // the target service's alert rules run on the routed alert (as ingest runs them, on what the integration's rules
    // left), then the paging part; routing itself is one hop and never re-runs, so route actions are not followed
    let wouldPage: PreviewItem['wouldPage'] = [];
    let ruled: ReturnType<typeof evaluateAlertRules> | null = first;
    if (d.kind === 'service') {
      const target = plan.targets.get(d.serviceId);
      const rules = target ? deliveryAlertRules({ id: d.serviceId, name: target.name }, target.alertRules, now) : undefined;
      const input = first ?? { labels: a.labels, annotations: a.annotations ?? {}, severity: a.labels.severity ?? null };
      if (rules) {
        const then = evaluateAlertRules(rules.rules, input, now.getTime(), rules.service, { followRoutes: false });
        ruled = first
          ? { ...then, urgency: then.urgency ?? first.urgency, suppressed: first.suppressed ?? then.suppressed, routeTo: first.routeTo, applied: [...first.applied, ...then.applied] }
          : then;
      }
      const severity = ruled ? (ruled.severity ?? undefined) : a.labels.severity;
      const cacheKey = `${d.serviceId}\u0000${severity ?? ''}`;
      const policyId = target?.escalationPolicyId ?? null;
      if (!ruled?.suppressed) {
        if (!pages.has(cacheKey)) pages.set(cacheKey, policyId ? await firstPages(ctx, policyId, now, severity) : []);
        wouldPage = pages.get(cacheKey)!;
      }
    }
    items.push({
      fingerprint: a.fingerprint,
      labels: a.labels,
      outcome: d.kind === 'drop' ? 'dropped' : d.reason === null ? 'routed' : 'catch_all',
      routeIndex: d.routeIndex,
      serviceId: d.kind === 'service' ? d.serviceId : null,
      reason: d.reason,
      alertRules: ruled ? describeAppliedRules(ruled.applied) : [],
      suppressed: ruled?.suppressed != null,
      urgency: ruled?.urgency?.value ?? null,
      wouldPage,
    });
  }
  return items;
}

async function firstPages(ctx: Context, policyId: string, at: Date, severity: string | undefined): Promise<PreviewItem['wouldPage']> {
  const sim = await simulateEscalationPolicy(ctx, policyId, { at, ...(severity ? { severity } : {}), configured: new Set() });
  const first = sim.pages[0]?.at;
  const seen = new Map<string, string>();
  for (const p of sim.pages) if (p.at === first && !seen.has(p.userId)) seen.set(p.userId, p.name);
  return [...seen].map(([userId, name]) => ({ userId, name }));
}
