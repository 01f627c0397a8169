import { prismaOf, type Queryable } from '../queryable';
import { toEscalationPolicyRecord, type EscalationPolicyRecord } from './escalation-policy-record';

/** The policies among `ids` that exist, in no particular order. */
export async function listEscalationPoliciesByIds(q: Queryable, ids: readonly string[]): Promise<EscalationPolicyRecord[]> {
  const rows = await prismaOf(q).escalationPolicy.findMany({ where: { id: { in: [...ids] } } });
  return rows.map(toEscalationPolicyRecord);
}
