import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import type { Prisma } from '@heinrich/db/generated/prisma/client';
import { lockRow } from '@heinrich/db/lock-row';
import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkPolicyDefinition, normalizeSteps } from './check-policy-definition';
import type { NewEscalationPolicy } from './create-escalation-policy';
import { findPolicyOwner } from './find-policy-owner';
import { policySnapshot, toPolicyRecord, type EscalationPolicyRecord } from './policy-record';

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
  return ctx.db.prisma.$transaction(async (tx) => {
    // locked: the authorization and the audit's "before" are about the row this changes
    if (!(await lockRow(tx, 'escalation_policies', id))) throw AppError.notFound('Escalation policy', id);
    const owner = await findPolicyOwner(tx, id);
    const before = toPolicyRecord(await tx.escalationPolicy.findUniqueOrThrow({ where: { id } }));
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
    const row = await tx.escalationPolicy.update({
      where: { id },
      data: { name: merged.name, teamId: merged.teamId, repeat: merged.repeat, steps: merged.steps as unknown as Prisma.InputJsonValue },
    });
    const updated = toPolicyRecord(row);
    await recordAudit(tx, auditActorOf(principal), {
      action: 'escalation_policy.update',
      entityType: 'escalation_policy',
      entityId: id,
      before: policySnapshot(before),
      after: policySnapshot(updated),
    });
    return updated;
  });
}
