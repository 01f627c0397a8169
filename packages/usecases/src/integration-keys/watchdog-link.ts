import { AppError } from '@heinrich/core/app-error';
import {
  DEFAULT_WATCHDOG_ALERTNAME,
  DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
  DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
  watchdogIntervalWarning,
} from '@heinrich/core/heartbeats/watchdog-signal';
import { findHeartbeat } from '@heinrich/db/heartbeats/find-heartbeat';
import type { Queryable } from '@heinrich/db/queryable';

export interface WatchdogLinkInput {
  id: string;
  alertname?: string | undefined;
  repeatIntervalSeconds?: number | undefined;
  groupIntervalSeconds?: number | undefined;
}

export interface WatchdogLinkRow {
  heartbeatId: string;
  alertname: string;
  repeatIntervalSeconds: number;
  groupIntervalSeconds: number;
}

/**
 * The heartbeat an Alertmanager key's Watchdog pings, with the defaults filled
 * in: 400 on `heartbeat.id` unless it is a heartbeat of the key's service; a
 * warning when its interval + grace is not longer than the route's re-send.
 */
export async function resolveWatchdogLink(
  q: Queryable,
  service: { id: string; name: string },
  input: WatchdogLinkInput,
): Promise<{ watchdog: WatchdogLinkRow; warnings: { path: string; message: string }[] }> {
  const watchdog: WatchdogLinkRow = {
    heartbeatId: input.id,
    alertname: input.alertname ?? DEFAULT_WATCHDOG_ALERTNAME,
    repeatIntervalSeconds: input.repeatIntervalSeconds ?? DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
    groupIntervalSeconds: input.groupIntervalSeconds ?? DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
  };
  const hb = await findHeartbeat(q, watchdog.heartbeatId);
  if (!hb || hb.serviceId !== service.id) {
    const message = `must be a heartbeat of service ${service.name}`;
    throw new AppError('validation_failed', `Request body is invalid: heartbeat.id ${message}`, [{ path: 'heartbeat.id', message }]);
  }
  const warning = watchdogIntervalWarning(hb, watchdog);
  return { watchdog, warnings: warning ? [{ path: 'heartbeat.id', message: warning }] : [] };
}
