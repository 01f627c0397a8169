import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findEscalationPolicy } from '@heinrich/db/escalation-policies/find-escalation-policy';
import { updateEscalationPolicyDefinition } from '@heinrich/db/escalation-policies/update-escalation-policy-definition';
import { lockRow } from '@heinrich/db/lock-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { isDeepStrictEqual } from 'node:util';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkPolicyDefinition, normalizeSteps } from './check-policy-definition';
import type { NewEscalationPolicy } from './create-escalation-policy';
import { findPolicyOwner } from './find-policy-owner';
import { policySnapshot, type EscalationPolicyRecord } from './policy-record';

/**
 * Changes only the fields given (`steps` replaces every step). Escalations
 * under way keep the snapshot they began with; the change applies to incidents
 * opened from now on. Changing nothing writes nothing (no updatedAt, no audit).
 */
export async function updateEscalationPolicy(
  ctx: Context,
  principal: Principal,
  id: string,
  changes: Partial<NewEscalationPolicy>,
): Promise<EscalationPolicyRecord> {
  return withTransaction(ctx.db, async (tx) => {
    // locked: the authorization and the audit's "before" are about the row this changes
    if (!(await lockRow(tx, 'escalation_policies', id))) throw AppError.notFound('Escalation policy', id);
    const owner = await findPolicyOwner(tx, id);
    const before = await findEscalationPolicy(tx, id);
    if (!before) throw AppError.notFound('Escalation policy', id);
    // the policy as it would be, checked whole (a teamless policy must be given a team to be changed)
    const merged = {
      name: changes.name ?? before.name,
      teamId: changes.teamId ?? before.teamId ?? '',
      repeat: changes.repeat ?? before.repeat,
      steps: normalizeSteps(changes.steps ?? before.steps),
    };
    const teamChanges = changes.teamId !== undefined && changes.teamId !== before.teamId;
    const { team } = await checkPolicyDefinition(tx, merged);
    requireAllowed(principal, 'escalation_policy.update', { ...owner, ...(teamChanges ? { newTeam: team } : {}) });
    const after = { ...before, ...merged };
    if (isDeepStrictEqual(policySnapshot(before), policySnapshot(after))) return before;
    const updated = await updateEscalationPolicyDefinition(tx, id, merged);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'escalation_policy.update',
      entityType: 'escalation_policy',
      entityId: id,
      before: policySnapshot(before),
      after: policySnapshot(updated),
    });
    return updated;
  });
}
