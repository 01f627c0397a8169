import { AppError } from '@heinrich/core/app-error';
import { findEscalationPolicy } from '@heinrich/db/escalation-policies/find-escalation-policy';
import type { Context } from '../context';
import type { EscalationPolicyRecord } from './policy-record';

/** The policy, or a 404 naming the id. */
export async function getEscalationPolicy(ctx: Context, id: string): Promise<EscalationPolicyRecord> {
  const policy = await findEscalationPolicy(ctx.db.pool, id);
  if (!policy) throw AppError.notFound('Escalation policy', id);
  return policy;
}
