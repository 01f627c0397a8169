import { selectRecentAlerts } from '@heinrich/db/routing/select-recent-alerts';
import type { Context } from '../context';
import { simulateEscalationPolicy } from '../escalation-policies/simulate-escalation-policy';
import { planRouting } from './plan-routing';
import { validateRoutingInput, type RoutingIntegrationInput } from './validate-routing-input';

export interface PreviewItem {
  fingerprint: string;
  labels: Record<string, string>;
  outcome: 'routed' | 'catch_all' | 'dropped';
  routeIndex: number | null;
  serviceId: string | null;
  reason: string | null;
  wouldPage: { userId: string; name: string }[];
}

/**
 * Draft routes against a pasted Alertmanager payload's alerts, or the last 100
 * received: per alert, the route and service (the same planRouting the ingest
 * path runs, so the preview is what sending would do), and whom the service's
 * policy would page first now (the simulator, the engine's own decision).
 * Saves nothing. Bad drafts are the same 400s as saving them.
 */
export async function previewRouting(
  ctx: Context,
  draft: Pick<RoutingIntegrationInput, 'routes' | 'catchAllServiceId'>,
  alerts?: readonly { fingerprint: string; labels: Record<string, string> }[],
): Promise<PreviewItem[]> {
  await validateRoutingInput(ctx.db.pool, { name: 'preview', teamId: null, ...draft });
  const sample = alerts ?? (await selectRecentAlerts(ctx.db.pool, 100));
  const plan = await planRouting(ctx.db.pool, { routes: draft.routes, catchAllServiceId: draft.catchAllServiceId }, sample.map((a) => a.labels));
  const pages = new Map<string, PreviewItem['wouldPage']>();
  const now = ctx.now();
  const items: PreviewItem[] = [];
  for (const [i, d] of plan.decisions.entries()) {
    const a = sample[i]!;
    // ALERT RULES HOOK (issue 21, alert rules): the target service's rules would run here,
    // on the routed alert, before the paging part; routing itself is one hop and never re-runs.
    let wouldPage: PreviewItem['wouldPage'] = [];
    const severity = a.labels.severity;
    if (d.kind === 'service') {
      const cacheKey = `${d.serviceId}\u0000${severity ?? ''}`;
      const policyId = plan.targets.get(d.serviceId)?.escalationPolicyId ?? null;
      if (!pages.has(cacheKey)) pages.set(cacheKey, policyId ? await firstPages(ctx, policyId, now, severity) : []);
      wouldPage = pages.get(cacheKey)!;
    }
    items.push({
      fingerprint: a.fingerprint,
      labels: a.labels,
      outcome: d.kind === 'drop' ? 'dropped' : d.reason === null ? 'routed' : 'catch_all',
      routeIndex: d.routeIndex,
      serviceId: d.kind === 'service' ? d.serviceId : null,
      reason: d.reason,
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
