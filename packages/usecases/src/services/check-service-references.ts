import { AppError, type FieldProblem } from '@heinrich/core/app-error';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import { escalationPolicyExists } from '@heinrich/db/escalation-policies/escalation-policy-exists';
import type { Queryable } from '@heinrich/db/queryable';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';

/**
 * A service's teamId and escalationPolicyId must name rows that exist: a 400
 * naming the field, rather than the foreign-key error Postgres would raise.
 * Returns the team (for authorization): a TeamRef, null when teamId is null,
 * undefined when teamId is not given.
 */
export async function checkServiceReferences(
  q: Queryable,
  refs: { teamId?: string | null; escalationPolicyId?: string | null },
): Promise<{ team: TeamRef | null | undefined }> {
  const [team, policy] = await Promise.all([
    refs.teamId ? findTeamRef(q, refs.teamId) : (refs.teamId as null | undefined),
    refs.escalationPolicyId ? escalationPolicyExists(q, refs.escalationPolicyId) : true,
  ]);
  const fields: FieldProblem[] = [];
  if (refs.teamId && !team) fields.push({ path: 'teamId', message: `refers to team ${refs.teamId}, which does not exist` });
  if (!policy) {
    fields.push({ path: 'escalationPolicyId', message: `refers to escalation policy ${refs.escalationPolicyId}, which does not exist` });
  }
  const first = fields[0];
  if (first) {
    throw new AppError('validation_failed', `Request body is invalid: ${first.path} ${first.message}`, fields);
  }
  return { team };
}
