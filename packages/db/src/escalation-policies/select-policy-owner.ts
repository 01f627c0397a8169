import type { EscalationPolicyResource } from '@heinrich/core/authz/authorize';
import { prismaOf, type Queryable } from '../queryable';

/** A policy's name and team (who may change it), or null when there is no such policy. */
export async function selectPolicyOwner(q: Queryable, id: string): Promise<EscalationPolicyResource | null> {
  const policy = await prismaOf(q).escalationPolicy.findUnique({ where: { id }, select: { name: true, team: { select: { id: true, name: true } } } });
  return policy ? { policy: policy.name, team: policy.team } : null;
}
