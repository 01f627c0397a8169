import { prismaOf, type Queryable } from '../queryable';
import { toEscalationPolicyRecord, type EscalationPolicyRecord } from './escalation-policy-record';

/** Deletes the policy (services using it would be left without one: check first); the policy as it was. */
export async function deleteEscalationPolicyById(q: Queryable, id: string): Promise<EscalationPolicyRecord> {
  return toEscalationPolicyRecord(await prismaOf(q).escalationPolicy.delete({ where: { id } }));
}
