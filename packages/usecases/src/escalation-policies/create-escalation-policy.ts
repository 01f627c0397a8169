import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import type { EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import type { Prisma } from '@heinrich/db/generated/prisma/client';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkPolicyDefinition, normalizeSteps } from './check-policy-definition';
import { policySnapshot, toPolicyRecord, type EscalationPolicyRecord } from './policy-record';

export interface NewEscalationPolicy {
  name: string;
  teamId: string;
  repeat: number;
  steps: EscalationStep[];
}

/** A new policy in a team (leads of that team or admins); every target must exist. */
export async function createEscalationPolicy(ctx: Context, principal: Principal, input: NewEscalationPolicy): Promise<EscalationPolicyRecord> {
  const { team } = await checkPolicyDefinition(ctx.db.prisma, input);
  requireAllowed(principal, 'escalation_policy.create', { policy: input.name, team });
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await tx.escalationPolicy.create({
      data: { name: input.name, teamId: team.id, repeat: input.repeat, steps: normalizeSteps(input.steps) as unknown as Prisma.InputJsonValue },
    });
    const policy = toPolicyRecord(row);
    await recordAudit(tx, auditActorOf(principal), {
      action: 'escalation_policy.create',
      entityType: 'escalation_policy',
      entityId: policy.id,
      before: null,
      after: policySnapshot(policy),
    });
    return policy;
  });
}
