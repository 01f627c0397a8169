import type { Prisma } from '../generated/prisma/client';

/**
 * The columns of a key that may leave the database: never secret_hash, never
 * alertmanager_auth. Every read for the API selects through this.
 */
export const INTEGRATION_KEY_SUMMARY = {
  id: true,
  serviceId: true,
  type: true,
  name: true,
  secretPrefix: true,
  alertmanagerUrl: true,
  heartbeatId: true,
  watchdogAlertname: true,
  watchdogRepeatIntervalSeconds: true,
  watchdogGroupIntervalSeconds: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const satisfies Prisma.IntegrationKeySelect;

export type IntegrationKeySummary = Prisma.IntegrationKeyGetPayload<{ select: typeof INTEGRATION_KEY_SUMMARY }>;
