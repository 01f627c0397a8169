import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import type { Service } from '@heinrich/db/generated/prisma/client';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkServiceReferences } from './check-service-references';
import { serviceSnapshot } from './service-snapshot';

export interface NewService {
  name: string;
  description: string | null;
  teamId: string | null;
  escalationPolicyId: string | null;
  groupBy: string[];
  autoResolve: boolean;
  urgency: Service['urgency'];
  ackTimeoutMinutes: number | null;
}

/** A new service, in the team given (leads of that team or admins; without a team, admins). */
export async function createService(ctx: Context, principal: Principal, input: NewService): Promise<Service> {
  const { team } = await checkServiceReferences(ctx.db.prisma, input);
  requireAllowed(principal, 'service.create', { service: input.name, team: team ?? null });
  return ctx.db.prisma.$transaction(async (tx) => {
    const service = await tx.service.create({ data: input });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'service.create',
      entityType: 'service',
      entityId: service.id,
      before: null,
      after: serviceSnapshot(service),
    });
    return service;
  });
}
