import type { EscalationPolicy } from '@heinrich/core/escalation/escalation-policy';
import type { EscalationPolicyRecord } from '@heinrich/db/escalation-policies/escalation-policy-record';

export type { EscalationPolicyRecord };

/** The engine's view: what an incident's escalation snapshots when it begins. */
export function toCorePolicy(p: EscalationPolicyRecord): EscalationPolicy {
  return { id: p.id, name: p.name, teamId: p.teamId, repeat: p.repeat, steps: p.steps };
}

/** A policy as the audit log records it: its settings, no timestamps. */
export function policySnapshot(p: EscalationPolicyRecord) {
  return { id: p.id, name: p.name, teamId: p.teamId, repeat: p.repeat, steps: p.steps.map((s) => ({ delayMinutes: s.delayMinutes, targets: s.targets.map((t) => ({ type: t.type, id: t.id })) })) };
}
