import { AppError } from '@heinrich/core/app-error';
import type { EscalationPolicyResource } from '@heinrich/core/authz/authorize';
import { selectPolicyOwner } from '@heinrich/db/escalation-policies/select-policy-owner';
import type { Queryable } from '@heinrich/db/queryable';

/** A policy's name and team, which decide who may change it; 404 when there is none. */
export async function findPolicyOwner(q: Queryable, id: string): Promise<EscalationPolicyResource> {
  const owner = await selectPolicyOwner(q, id);
  if (!owner) throw AppError.notFound('Escalation policy', id);
  return owner;
}
