import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { EscalationPolicyDefinition } from '@heinrich/db/escalation-policies/escalation-policy-record';
import { insertEscalationPolicy } from '@heinrich/db/escalation-policies/insert-escalation-policy';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkPolicyDefinition, normalizeSteps } from './check-policy-definition';
import { policySnapshot, type EscalationPolicyRecord } from './policy-record';

export type NewEscalationPolicy = EscalationPolicyDefinition;

/** A new policy in a team (leads of that team or admins); every target must exist. */
export async function createEscalationPolicy(ctx: Context, principal: Principal, input: NewEscalationPolicy): Promise<EscalationPolicyRecord> {
  const { team } = await checkPolicyDefinition(ctx.db.pool, input);
  requireAllowed(principal, 'escalation_policy.create', { policy: input.name, team });
  return withTransaction(ctx.db, async (tx) => {
    const policy = await insertEscalationPolicy(tx, { name: input.name, teamId: team.id, repeat: input.repeat, steps: normalizeSteps(input.steps) });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'escalation_policy.create',
      entityType: 'escalation_policy',
      entityId: policy.id,
      before: null,
      after: policySnapshot(policy),
    });
    return policy;
  });
}
