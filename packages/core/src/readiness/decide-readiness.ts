import { READINESS_KINDS, READINESS_SEVERITIES, type ReadinessFinding } from './readiness-finding';
import { READINESS_HORIZON_DAYS, type ReadinessInput } from './readiness-input';
import { scheduleGapFindings } from './schedule-gap-findings';
import { silentIntegrationFindings } from './silent-integration-findings';
import { stepCoverage } from './step-coverage';
import { emptyStepFinding, responderFindings } from './step-findings';
import { unusedObjectFindings } from './unused-object-findings';

export interface ReadinessReport {
  /** the horizon checked: [from, to) */
  from: string;
  to: string;
  /** most severe first, then by kind, the object's name, the policy's name and step */
  findings: ReadinessFinding[];
}

/**
 * Every readiness finding of the installation at `now`, over the next
 * READINESS_HORIZON_DAYS (docs/insights.md "Paging readiness"). Pure: the
 * caller loads the data (and narrows to a team with `findingsOfTeam`).
 */
export function decideReadiness(input: ReadinessInput): ReadinessReport {
  const from = input.now;
  const to = new Date(from.getTime() + READINESS_HORIZON_DAYS * 86_400_000);
  const schedules = new Map(input.schedules.map((s) => [s.id, s]));
  const users = new Map(input.users.map((u) => [u.id, u]));
  const findings: ReadinessFinding[] = [...scheduleGapFindings(input.schedules, input.policies, from, to)];
  for (const policy of input.policies) {
    policy.steps.forEach((step, i) => {
      const coverage = stepCoverage(step, schedules, (id) => users.has(id), from, to);
      if (!coverage) return;
      const empty = emptyStepFinding(policy, i, coverage);
      if (empty) findings.push(empty);
      findings.push(...responderFindings(policy, i, coverage, users, input.configured));
    });
  }
  findings.push(...unusedObjectFindings(input.services, input.policies, input.schedules));
  findings.push(...silentIntegrationFindings(input.integrations, input.now));
  // one finding per key: a person reached by two steps of a policy is unreachable once
  const byKey = new Map<string, ReadinessFinding>();
  for (const f of findings) if (!byKey.has(f.key)) byKey.set(f.key, f);
  const sorted = [...byKey.values()].sort(
    (a, b) =>
      READINESS_SEVERITIES.indexOf(a.severity) - READINESS_SEVERITIES.indexOf(b.severity) ||
      READINESS_KINDS.indexOf(a.kind) - READINESS_KINDS.indexOf(b.kind) ||
      a.object.name.localeCompare(b.object.name) ||
      (a.policy?.name ?? '').localeCompare(b.policy?.name ?? '') ||
      (a.policy?.step ?? 0) - (b.policy?.step ?? 0) ||
      a.key.localeCompare(b.key),
  );
  return { from: from.toISOString(), to: to.toISOString(), findings: sorted };
}

/** The findings about a team's objects (people: through the team's policies). */
export function findingsOfTeam(findings: readonly ReadinessFinding[], teamId: string): ReadinessFinding[] {
  return findings.filter((f) => f.teamId === teamId);
}
