import type { Queryable } from '../queryable';
import { HEARTBEAT_COLUMNS, type HeartbeatRow } from './heartbeat-row';

/** Heartbeats, of one service or of all, by service then name. */
export async function selectHeartbeats(q: Queryable, filter: { serviceId?: string | undefined }): Promise<HeartbeatRow[]> {
  const r = await q.query<HeartbeatRow>(
    `SELECT ${HEARTBEAT_COLUMNS} FROM heartbeats h
      WHERE ($1::uuid IS NULL OR h.service_id = $1::uuid)
      ORDER BY h.service_id, h.name, h.id`,
    [filter.serviceId ?? null],
  );
  return r.rows;
}
