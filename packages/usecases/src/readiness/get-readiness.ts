import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { PlanRule } from '@heinrich/core/delivery/plan-delivery';
import type { EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import { decideReadiness, findingsOfTeam, type ReadinessReport } from '@heinrich/core/readiness/decide-readiness';
import { READINESS_HORIZON_DAYS, type ReadinessInput } from '@heinrich/core/readiness/readiness-input';
import { loadReadinessRows } from '@heinrich/db/readiness/load-readiness-rows';
import type { Context } from '../context';
import { toCoreSchedule, toLayerDefinitions, type LayerInput } from '../schedules/schedule-record';

/**
 * The paging-readiness report at the context's now (docs/insights.md "Paging
 * readiness"): load -> decide (core) -> the findings, of one team's objects
 * when `teamId` is given. Read only; every authenticated caller may read it
 * (it names people and objects, never contact values).
 */
export async function getReadiness(ctx: Context, opts: { configured: ReadonlySet<ContactMethodType>; teamId?: string }): Promise<ReadinessReport> {
  const now = ctx.now();
  const report = decideReadiness(await loadReadinessInput(ctx, now, opts.configured));
  return opts.teamId ? { ...report, findings: findingsOfTeam(report.findings, opts.teamId) } : report;
}

/** The stored setup as the core's readiness input. */
export async function loadReadinessInput(ctx: Context, now: Date, configured: ReadonlySet<ContactMethodType>): Promise<ReadinessInput> {
  const to = new Date(now.getTime() + READINESS_HORIZON_DAYS * 86_400_000);
  const rows = await loadReadinessRows(ctx.db.pool, { from: now, to });
  return {
    now,
    configured,
    schedules: rows.schedules.map((s) => ({
      id: s.id,
      name: s.name,
      teamId: s.teamId,
      revisions: s.revisions.map((r) => ({ effectiveFrom: r.effectiveFrom, schedule: toCoreSchedule(s.id, r.timeZone, toLayerDefinitions(r.layers as LayerInput[])) })),
      overrides: s.overrides.map((o) => ({ id: o.id, userId: o.userId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() })),
    })),
    policies: rows.policies.map((p) => ({ id: p.id, name: p.name, teamId: p.teamId, repeat: p.repeat, steps: p.steps as EscalationStep[] })),
    services: rows.services,
    users: rows.users.map((u) => ({
      id: u.id,
      name: u.name,
      methods: u.methods.map((m) => ({ id: m.id, type: m.type as ContactMethodType, verified: m.verified })),
      rules: u.rules.map((r) => ({ ...r, urgency: r.urgency as PlanRule['urgency'] })),
    })),
    integrations: rows.integrations,
  };
}
