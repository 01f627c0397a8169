import type { EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import type { EscalationPolicy as PolicyRow } from '../generated/prisma/client';

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

/** What a policy's creator gives and an update sets. */
export interface EscalationPolicyDefinition {
  name: string;
  teamId: string;
  repeat: number;
  steps: EscalationStep[];
}

export function toEscalationPolicyRecord(row: PolicyRow): EscalationPolicyRecord {
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
