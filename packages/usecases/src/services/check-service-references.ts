import { AppError, type FieldProblem } from '@heinrich/core/app-error';
import type { PrismaClient } from '@heinrich/db/create-database';

/**
 * A service's teamId and escalationPolicyId must name rows that exist: a 400
 * naming the field, rather than the foreign-key error Postgres would raise.
 */
export async function checkServiceReferences(
  prisma: PrismaClient,
  refs: { teamId?: string | null; escalationPolicyId?: string | null },
): Promise<void> {
  const [team, policy] = await Promise.all([
    refs.teamId ? prisma.team.findUnique({ where: { id: refs.teamId }, select: { id: true } }) : true,
    refs.escalationPolicyId
      ? prisma.escalationPolicy.findUnique({ where: { id: refs.escalationPolicyId }, select: { id: true } })
      : true,
  ]);
  const fields: FieldProblem[] = [];
  if (!team) fields.push({ path: 'teamId', message: `refers to team ${refs.teamId}, which does not exist` });
  if (!policy) {
    fields.push({ path: 'escalationPolicyId', message: `refers to escalation policy ${refs.escalationPolicyId}, which does not exist` });
  }
  const first = fields[0];
  if (first) {
    throw new AppError('validation_failed', `Request body is invalid: ${first.path} ${first.message}`, fields);
  }
}
