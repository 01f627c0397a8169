import type { EscalationPolicy, EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import type { EscalationPolicy as PolicyRow } from '@heinrich/db/generated/prisma/client';

/** A stored escalation policy. */
export interface EscalationPolicyRecord {
  id: string;
  name: string;
  teamId: string | null;
  repeat: number;
  steps: EscalationStep[];
  createdAt: Date;
  updatedAt: Date;
}

export function toPolicyRecord(row: PolicyRow): EscalationPolicyRecord {
  return {
    id: row.id,
    name: row.name,
    teamId: row.teamId,
    repeat: row.repeat,
    // written only through the API, which validated it (core EscalationStep[])
    steps: row.steps as unknown as EscalationStep[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The engine's view: what an incident's escalation snapshots when it begins. */
export function toCorePolicy(p: EscalationPolicyRecord): EscalationPolicy {
  return { id: p.id, name: p.name, teamId: p.teamId, repeat: p.repeat, steps: p.steps };
}

/** A policy as the audit log records it: its settings, no timestamps. */
export function policySnapshot(p: EscalationPolicyRecord) {
  return { id: p.id, name: p.name, teamId: p.teamId, repeat: p.repeat, steps: p.steps.map((s) => ({ delayMinutes: s.delayMinutes, targets: s.targets.map((t) => ({ type: t.type, id: t.id })) })) };
}
