import type { Queryable } from '../queryable';
import { HEARTBEAT_COLUMNS, type HeartbeatRow } from './heartbeat-row';

/** A new heartbeat (status new: no timer until its first ping); only the token's hash and prefix are stored. */
export async function insertHeartbeat(
  q: Queryable,
  hb: { serviceId: string; name: string; intervalSeconds: number; graceSeconds: number; tokenHash: string; tokenPrefix: string },
): Promise<HeartbeatRow> {
  const r = await q.query<HeartbeatRow>(
    `INSERT INTO heartbeats AS h (id, service_id, name, interval_seconds, grace_seconds, token_hash, token_prefix, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now())
     RETURNING ${HEARTBEAT_COLUMNS}`,
    [hb.serviceId, hb.name, hb.intervalSeconds, hb.graceSeconds, hb.tokenHash, hb.tokenPrefix],
  );
  return r.rows[0]!;
}
