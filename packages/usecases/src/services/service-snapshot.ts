import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import type { ServiceRow } from '@heinrich/db/services/service-row';

/** A service as the audit log records it: its settings, no timestamps. */
export function serviceSnapshot(s: ServiceRow) {
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
    routingName: s.routingName,
    noise: noiseSettingsOf(s.noise),
  };
}
