import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';
import { toEscalationPolicyRecord, type EscalationPolicyDefinition, type EscalationPolicyRecord } from './escalation-policy-record';

/** A new escalation policy. */
export async function insertEscalationPolicy(q: Queryable, policy: EscalationPolicyDefinition): Promise<EscalationPolicyRecord> {
  const row = await prismaOf(q).escalationPolicy.create({
    data: { name: policy.name, teamId: policy.teamId, repeat: policy.repeat, steps: policy.steps as unknown as Prisma.InputJsonValue },
  });
  return toEscalationPolicyRecord(row);
}
