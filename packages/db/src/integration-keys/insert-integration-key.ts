import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

export type AlertmanagerAuth = { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

/**
 * A new key of the service; the secret itself is never stored, only its hash
 * and first characters. The Alertmanager credentials are kept for creating
 * silences later and never leave the database through the summary.
 */
export async function insertIntegrationKey(
  q: Queryable,
  key: {
    serviceId: string;
    type: 'alertmanager' | 'events';
    name: string;
    secretHash: string;
    secretPrefix: string;
    alertmanagerUrl: string | null;
    alertmanagerAuth?: AlertmanagerAuth;
    /** the heartbeat its Watchdog pings, with the Watchdog's alertname and route timers */
    watchdog?: { heartbeatId: string; alertname: string; repeatIntervalSeconds: number; groupIntervalSeconds: number };
  },
): Promise<IntegrationKeySummary> {
  const { alertmanagerAuth, watchdog, ...rest } = key;
  return prismaOf(q).integrationKey.create({
    data: {
      ...rest,
      ...(alertmanagerAuth ? { alertmanagerAuth: alertmanagerAuth as Prisma.InputJsonValue } : {}),
      ...(watchdog
        ? {
            heartbeatId: watchdog.heartbeatId,
            watchdogAlertname: watchdog.alertname,
            watchdogRepeatIntervalSeconds: watchdog.repeatIntervalSeconds,
            watchdogGroupIntervalSeconds: watchdog.groupIntervalSeconds,
          }
        : {}),
    },
    select: INTEGRATION_KEY_SUMMARY,
  });
}
