import type { Queryable } from '../queryable';
import { HEARTBEAT_COLUMNS, type HeartbeatRow } from './heartbeat-row';

export interface HeartbeatChange {
  name?: string;
  intervalSeconds?: number;
  graceSeconds?: number;
  status?: HeartbeatRow['status'];
  lastPingAt?: Date | null;
  dueAt?: Date | null;
  incidentId?: string | null;
  tokenHash?: string;
  tokenPrefix?: string;
}

const COLUMN: Record<keyof HeartbeatChange, string> = {
  name: 'name',
  intervalSeconds: 'interval_seconds',
  graceSeconds: 'grace_seconds',
  status: 'status',
  lastPingAt: 'last_ping_at',
  dueAt: 'due_at',
  incidentId: 'incident_id',
  tokenHash: 'token_hash',
  tokenPrefix: 'token_prefix',
};

/** Sets the given fields of a heartbeat; returns it as it is now (undefined when there is none). */
export async function updateHeartbeat(q: Queryable, id: string, change: HeartbeatChange): Promise<HeartbeatRow | undefined> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [field, value] of Object.entries(change) as [keyof HeartbeatChange, unknown][]) {
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${COLUMN[field]} = $${values.length}${field === 'status' ? '::heartbeat_status' : ''}`);
  }
  sets.push('updated_at = now()');
  const r = await q.query<HeartbeatRow>(`UPDATE heartbeats h SET ${sets.join(', ')} WHERE h.id = $1::uuid RETURNING ${HEARTBEAT_COLUMNS}`, values);
  return r.rows[0];
}
