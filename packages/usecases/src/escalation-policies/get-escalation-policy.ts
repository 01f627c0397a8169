import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';
import { toPolicyRecord, type EscalationPolicyRecord } from './policy-record';

/** The policy, or a 404 naming the id. */
export async function getEscalationPolicy(ctx: Context, id: string): Promise<EscalationPolicyRecord> {
  const row = await ctx.db.prisma.escalationPolicy.findUnique({ where: { id } });
  if (!row) throw AppError.notFound('Escalation policy', id);
  return toPolicyRecord(row);
}
