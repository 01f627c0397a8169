import type { Service } from '@heinrich/db/generated/prisma/client';

/** A service as the audit log records it: its settings, no timestamps. */
export function serviceSnapshot(s: Service) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    teamId: s.teamId,
    escalationPolicyId: s.escalationPolicyId,
    groupBy: s.groupBy,
    autoResolve: s.autoResolve,
    urgency: s.urgency,
    ackTimeoutMinutes: s.ackTimeoutMinutes,
  };
}
