import { prismaOf, type Queryable } from '../queryable';
import { INTEGRATION_KEY_SUMMARY, type IntegrationKeySummary } from './integration-key-summary';

/** Links the key's Watchdog to a heartbeat (with its alertname and route timers), or unlinks it (null); returns the key as it now is. */
export async function setIntegrationKeyWatchdog(
  q: Queryable,
  id: string,
  watchdog: { heartbeatId: string; alertname: string; repeatIntervalSeconds: number; groupIntervalSeconds: number } | null,
): Promise<IntegrationKeySummary> {
  return prismaOf(q).integrationKey.update({
    where: { id },
    data: {
      heartbeatId: watchdog?.heartbeatId ?? null,
      watchdogAlertname: watchdog?.alertname ?? null,
      watchdogRepeatIntervalSeconds: watchdog?.repeatIntervalSeconds ?? null,
      watchdogGroupIntervalSeconds: watchdog?.groupIntervalSeconds ?? null,
    },
    select: INTEGRATION_KEY_SUMMARY,
  });
}
