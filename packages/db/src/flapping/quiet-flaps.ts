import type { FlapState } from '@heinrich/core/noise/decide-flapping';
import type pg from 'pg';

/** A flapping group whose alerts are all resolved (the flap end pass decides whether it was quiet long enough). */
export interface FlappingGroup {
  serviceId: string;
  keyHash: string;
  /** services.noise as stored */
  noise: unknown;
  state: FlapState;
}

/**
 * The flapping groups with nothing firing (indexed on flapping_since). With
 * `lock` (inside the group's ingest lock), only that group, its row locked.
 */
export async function listFlappingQuietGroups(
  db: pg.Pool | pg.PoolClient,
  lock?: { serviceId: string; keyHash: string },
): Promise<FlappingGroup[]> {
  const r = await db.query<{
    service_id: string;
    group_key_hash: string;
    noise: unknown;
    firing: boolean;
    changes: Date[] | null;
    flapping_since: Date | null;
    flap_changes: number;
    incident_id: string | null;
    ended_by: 'quiet' | 'hand' | null;
  }>(
    `SELECT f.service_id, f.group_key_hash, s.noise, f.firing, f.changes, f.flapping_since, f.flap_changes, f.incident_id, f.ended_by
       FROM alert_group_flaps f JOIN services s ON s.id = f.service_id
      WHERE f.flapping_since IS NOT NULL AND NOT f.firing
        ${lock ? 'AND f.service_id = $1 AND f.group_key_hash = $2 FOR UPDATE OF f' : 'ORDER BY f.flapping_since LIMIT 500'}`,
    lock ? [lock.serviceId, lock.keyHash] : [],
  );
  return r.rows.map((row) => ({
    serviceId: row.service_id,
    keyHash: row.group_key_hash,
    noise: row.noise,
    state: {
      firing: row.firing,
      changes: row.changes ?? [],
      flappingSince: row.flapping_since,
      flapChanges: row.flap_changes,
      incidentId: row.incident_id,
      endedBy: row.ended_by,
    },
  }));
}

/** The episode is over: nothing fired for the window (its incident resolved by the caller); its changes, all older than the window, are dropped. */
export async function endFlapQuietly(client: pg.PoolClient, serviceId: string, keyHash: string, endedAt: Date): Promise<void> {
  await client.query(
    `UPDATE alert_group_flaps SET flapping_since = NULL, changes = '{}', ended_by = 'quiet', ended_at = $3, updated_at = now()
      WHERE service_id = $1 AND group_key_hash = $2`,
    [serviceId, keyHash, endedAt],
  );
}
