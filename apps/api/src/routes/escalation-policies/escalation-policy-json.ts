import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { EscalationPolicyRecord } from '@heinrich/usecases/escalation-policies/policy-record';

/** A policy as the API shows it. */
export function escalationPolicyJson(p: EscalationPolicyRecord): EscalationPolicyJson {
  return {
    id: p.id,
    name: p.name,
    teamId: p.teamId,
    repeat: p.repeat,
    steps: p.steps.map((s) => ({ delayMinutes: s.delayMinutes, targets: s.targets.map((t) => ({ type: t.type, id: t.id })) })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
