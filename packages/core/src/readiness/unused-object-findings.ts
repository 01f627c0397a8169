import type { ReadinessFinding } from './readiness-finding';
import type { ReadinessPolicy, ReadinessSchedule, ReadinessService } from './readiness-input';

/**
 * Services without a policy (their alerts open incidents that page nobody),
 * policies no service uses, schedules no policy step targets.
 */
export function unusedObjectFindings(services: readonly ReadinessService[], policies: readonly ReadinessPolicy[], schedules: readonly ReadinessSchedule[]): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  const policyIds = new Set(policies.map((p) => p.id));
  for (const s of services) {
    if (s.policyId && policyIds.has(s.policyId)) continue;
    findings.push({
      key: `service_without_policy:${s.id}`,
      kind: 'service_without_policy',
      severity: 'critical',
      object: { type: 'service', id: s.id, name: s.name },
      teamId: s.teamId,
      message: `Service ${s.name} has no escalation policy: its incidents page nobody`,
      link: `/services/${s.id}`,
    });
  }
  const used = new Set(services.map((s) => s.policyId));
  for (const p of policies) {
    if (used.has(p.id)) continue;
    findings.push({
      key: `policy_unused:${p.id}`,
      kind: 'policy_unused',
      severity: 'info',
      object: { type: 'escalation_policy', id: p.id, name: p.name },
      teamId: p.teamId,
      message: `Escalation policy ${p.name} is used by no service`,
      link: `/policies/${p.id}`,
    });
  }
  const targeted = new Set(policies.flatMap((p) => p.steps.flatMap((st) => st.targets.filter((t) => t.type === 'schedule').map((t) => t.id))));
  for (const s of schedules) {
    if (targeted.has(s.id)) continue;
    findings.push({
      key: `schedule_unused:${s.id}`,
      kind: 'schedule_unused',
      severity: 'info',
      object: { type: 'schedule', id: s.id, name: s.name },
      teamId: s.teamId,
      message: `Schedule ${s.name} is used by no escalation policy: nobody is paged from it`,
      link: `/schedules/${s.id}`,
    });
  }
  return findings;
}
