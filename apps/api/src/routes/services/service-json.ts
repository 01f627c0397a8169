import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import type { ServiceJson } from '@heinrich/contracts/services';
import type { getService } from '@heinrich/usecases/services/get-service';

type Service = Awaited<ReturnType<typeof getService>>;

/** A service as the API shows it. */
export function serviceJson(s: Service): ServiceJson {
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
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
