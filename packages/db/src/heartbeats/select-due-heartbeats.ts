import type { Queryable } from '../queryable';
import { HEARTBEAT_COLUMNS, type HeartbeatRow } from './heartbeat-row';

/** Heartbeats whose timer has passed (`up`, due_at <= now), earliest first: candidates, not claimed. */
export async function selectDueHeartbeats(q: Queryable, now: Date, limit: number): Promise<HeartbeatRow[]> {
  const r = await q.query<HeartbeatRow>(
    `SELECT ${HEARTBEAT_COLUMNS} FROM heartbeats h
      WHERE h.status = 'up' AND h.due_at <= $1
      ORDER BY h.due_at LIMIT $2`,
    [now, limit],
  );
  return r.rows;
}

/**
 * Claims one due heartbeat for the caller's transaction: its row, locked, if
 * it is still `up` and due (FOR UPDATE SKIP LOCKED). Two workers' passes, or a
 * pass and a ping, never both take it; the one that commits marks it down (or
 * up again), so a miss opens exactly one incident.
 */
export async function claimDueHeartbeat(q: Queryable, id: string, now: Date): Promise<HeartbeatRow | undefined> {
  const r = await q.query<HeartbeatRow>(
    `SELECT ${HEARTBEAT_COLUMNS} FROM heartbeats h
      WHERE h.id = $1::uuid AND h.status = 'up' AND h.due_at <= $2
      FOR UPDATE SKIP LOCKED`,
    [id, now],
  );
  return r.rows[0];
}
