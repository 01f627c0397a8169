import {
  DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
  DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
  watchdogIntervalWarning,
} from '@heinrich/core/heartbeats/watchdog-signal';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { selectWatchdogKeys } from '@heinrich/db/integration-keys/select-watchdog-keys';
import type { Context } from '../context';

/** One warning per Alertmanager key whose Watchdog route re-sends too rarely for this heartbeat (core watchdogIntervalWarning). */
export async function watchdogWarnings(ctx: Context, hb: HeartbeatRow): Promise<{ path: string; message: string }[]> {
  const keys = await selectWatchdogKeys(ctx.db.pool, hb.id);
  return keys.flatMap((k) => {
    const warning = watchdogIntervalWarning(hb, {
      repeatIntervalSeconds: k.repeatIntervalSeconds ?? DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS,
      groupIntervalSeconds: k.groupIntervalSeconds ?? DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS,
    });
    return warning ? [{ path: 'intervalSeconds', message: `integration key '${k.name}': ${warning}` }] : [];
  });
}
