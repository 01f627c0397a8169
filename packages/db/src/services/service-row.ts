import type { NoiseSettingsPatch } from '@heinrich/core/noise/noise-settings';
import type { Service } from '../generated/prisma/client';

/** A service's row, as reads return it. */
export type ServiceRow = Service;

/** What a service's creator gives and an update changes: every column but the id and timestamps. */
export interface ServiceSettings {
  name: string;
  description: string | null;
  teamId: string | null;
  escalationPolicyId: string | null;
  groupBy: string[];
  autoResolve: boolean;
  urgency: Service['urgency'];
  ackTimeoutMinutes: number | null;
  /** dynamic routing (docs/routing.md); unique */
  routingName?: string | null;
  /** the noise settings a person set (core/noise/noise-settings.ts fills in the defaults) */
  noise: NoiseSettingsPatch;
}
