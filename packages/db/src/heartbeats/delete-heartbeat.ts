import type { Queryable } from '../queryable';

/** Deletes a heartbeat; false when there was none. Its open incident (if any) stays, to be resolved by people. */
export async function deleteHeartbeat(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query(`DELETE FROM heartbeats WHERE id = $1::uuid`, [id]);
  return r.rowCount === 1;
}
