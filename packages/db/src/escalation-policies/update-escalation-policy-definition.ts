import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';
import { toEscalationPolicyRecord, type EscalationPolicyDefinition, type EscalationPolicyRecord } from './escalation-policy-record';

/** Sets the policy's name, team, repeat and steps (updatedAt moves); the policy as it now is. */
export async function updateEscalationPolicyDefinition(q: Queryable, id: string, policy: EscalationPolicyDefinition): Promise<EscalationPolicyRecord> {
  const row = await prismaOf(q).escalationPolicy.update({
    where: { id },
    data: { name: policy.name, teamId: policy.teamId, repeat: policy.repeat, steps: policy.steps as unknown as Prisma.InputJsonValue },
  });
  return toEscalationPolicyRecord(row);
}
