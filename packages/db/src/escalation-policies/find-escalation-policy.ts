import { prismaOf, type Queryable } from '../queryable';
import { toEscalationPolicyRecord, type EscalationPolicyRecord } from './escalation-policy-record';

/** The policy, or null when there is no such policy. */
export async function findEscalationPolicy(q: Queryable, id: string): Promise<EscalationPolicyRecord | null> {
  const row = await prismaOf(q).escalationPolicy.findUnique({ where: { id } });
  return row ? toEscalationPolicyRecord(row) : null;
}
