import { planDelivery } from '../delivery/plan-delivery';
import type { ContactMethodType } from '../delivery/contact-method-value';
import type { ReadinessFinding } from './readiness-finding';
import type { ReadinessPolicy, ReadinessUser } from './readiness-input';
import { describeWindows, toWindows } from './readiness-windows';
import type { StepCoverage } from './step-coverage';

/** A step that pages nobody at some time in the horizon (every target empty at once, or gone). */
export function emptyStepFinding(policy: ReadinessPolicy, stepIndex: number, coverage: StepCoverage): ReadinessFinding | null {
  const { windows, totalMinutes, count } = toWindows(coverage.empty);
  if (count === 0) return null;
  const step = stepIndex + 1;
  return {
    key: `step_pages_nobody:${policy.id}:${step}`,
    kind: 'step_pages_nobody',
    severity: 'critical',
    object: { type: 'escalation_policy', id: policy.id, name: policy.name },
    teamId: policy.teamId,
    message: `Step ${step} of escalation policy ${policy.name} pages nobody ${describeWindows(windows, totalMinutes, count, 'UTC')}`,
    link: `/policies/${policy.id}`,
    policy: { id: policy.id, name: policy.name, step },
    windows,
    totalMinutes,
  };
}

/**
 * The people a step reaches in the horizon who cannot be paged at high urgency
 * (no verified contact method with a configured provider: planDelivery plans no
 * send), or whose first notification comes only when the step's delay is over
 * and the next step has begun. The delay of the last step matters only when the
 * policy repeats.
 */
export function responderFindings(
  policy: ReadinessPolicy,
  stepIndex: number,
  coverage: StepCoverage,
  users: ReadonlyMap<string, ReadinessUser>,
  configured: ReadonlySet<ContactMethodType>,
): ReadinessFinding[] {
  const step = policy.steps[stepIndex];
  if (!step) return [];
  const isLast = stepIndex === policy.steps.length - 1;
  const findings: ReadinessFinding[] = [];
  for (const userId of coverage.reached) {
    const user = users.get(userId);
    if (!user) continue;
    const plan = planDelivery({ rules: user.rules, methods: user.methods, urgency: 'high', allowVoice: true, configured });
    const where = { id: policy.id, name: policy.name, step: stepIndex + 1 };
    const base = { object: { type: 'user' as const, id: user.id, name: user.name }, teamId: policy.teamId, link: `/users/${user.id}`, policy: where };
    const first = plan.sends[0];
    if (!first) {
      const why = plan.skipped.length > 0 ? `: ${[...new Set(plan.skipped.map((s) => s.reason))].join(', ')}` : user.methods.length === 0 ? ': no contact methods' : '';
      findings.push({
        ...base,
        key: `responder_unreachable:${user.id}:${policy.id}`,
        kind: 'responder_unreachable',
        severity: 'critical',
        message: `${user.name} is paged by step ${where.step} of ${policy.name} but has no verified contact method that can page high urgency${why}`,
      });
    } else if (first.delayMinutes >= step.delayMinutes && (!isLast || policy.repeat > 0)) {
      findings.push({
        ...base,
        key: `responder_slow_rules:${user.id}:${policy.id}:${where.step}`,
        kind: 'responder_slow_rules',
        severity: 'warning',
        message: `${user.name}'s first notification comes after ${first.delayMinutes} min, but step ${where.step} of ${policy.name} escalates after ${step.delayMinutes} min`,
      });
    }
  }
  return findings;
}
