import type { Queryable } from '../queryable';
import { HEARTBEAT_COLUMNS, type HeartbeatRow } from './heartbeat-row';

/**
 * The heartbeat with this id, or undefined. `forUpdate` locks its row for the
 * rest of the transaction (what a change reads is what it changes).
 */
export async function findHeartbeat(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<HeartbeatRow | undefined> {
  const r = await q.query<HeartbeatRow>(
    `SELECT ${HEARTBEAT_COLUMNS} FROM heartbeats h WHERE h.id = $1::uuid${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r.rows[0];
}

/** The heartbeat whose token has this hash; `forUpdate` locks it (a ping and the heartbeat pass never both act on it). */
export async function findHeartbeatByTokenHash(q: Queryable, tokenHash: string, opts: { forUpdate?: boolean } = {}): Promise<HeartbeatRow | undefined> {
  const r = await q.query<HeartbeatRow>(`SELECT ${HEARTBEAT_COLUMNS} FROM heartbeats h WHERE h.token_hash = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [tokenHash]);
  return r.rows[0];
}
