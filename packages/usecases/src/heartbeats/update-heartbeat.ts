import { heartbeatDueAt } from '@heinrich/core/heartbeats/heartbeat-timing';
import type { Principal } from '@heinrich/core/authz/principal';
import { AppError } from '@heinrich/core/app-error';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat as writeHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { watchdogWarnings } from './watchdog-warnings';
import { manageHeartbeat } from './manage-heartbeat';

export interface HeartbeatPatch {
  name?: string | undefined;
  intervalSeconds?: number | undefined;
  graceSeconds?: number | undefined;
}

/**
 * Renames or re-times a heartbeat; an `up` one's timer moves with the new
 * interval and grace at once. `warnings`: the Alertmanager keys whose Watchdog
 * would re-send too rarely for the new interval.
 */
export async function updateHeartbeat(
  ctx: Context,
  principal: Principal,
  id: string,
  patch: HeartbeatPatch,
): Promise<{ heartbeat: HeartbeatRow; warnings: { path: string; message: string }[] }> {
  try {
    const heartbeat = await manageHeartbeat(ctx, principal, id, 'update', async (tx, before) => {
      const intervalSeconds = patch.intervalSeconds ?? before.intervalSeconds;
      const graceSeconds = patch.graceSeconds ?? before.graceSeconds;
      const dueAt = before.status === 'up' && before.lastPingAt ? heartbeatDueAt(before.lastPingAt, intervalSeconds, graceSeconds) : undefined;
      const after = (await writeHeartbeat(tx, id, { name: patch.name, intervalSeconds, graceSeconds, dueAt }))!;
      const changed = after.name !== before.name || intervalSeconds !== before.intervalSeconds || graceSeconds !== before.graceSeconds;
      return { after, result: after, changed };
    });
    return { heartbeat, warnings: await watchdogWarnings(ctx, heartbeat) };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', `The service already has a heartbeat named ${patch.name}`, [{ path: 'name', message: 'is taken in this service' }]);
    }
    throw err;
  }
}
