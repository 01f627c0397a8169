import type { Queryable } from '../queryable';

/** The unrevoked keys whose Alertmanager Watchdog pings this heartbeat, with their declared route timers. */
export async function selectWatchdogKeys(
  q: Queryable,
  heartbeatId: string,
): Promise<{ id: string; name: string; repeatIntervalSeconds: number | null; groupIntervalSeconds: number | null }[]> {
  const r = await q.query<{ id: string; name: string; repeatIntervalSeconds: number | null; groupIntervalSeconds: number | null }>(
    `SELECT id, name, watchdog_repeat_interval_seconds AS "repeatIntervalSeconds", watchdog_group_interval_seconds AS "groupIntervalSeconds"
       FROM integration_keys WHERE heartbeat_id = $1::uuid AND revoked_at IS NULL ORDER BY created_at, id`,
    [heartbeatId],
  );
  return r.rows;
}
