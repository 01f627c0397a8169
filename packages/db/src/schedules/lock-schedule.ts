import type { Tx } from '../with-transaction';

export interface LockedSchedule {
  id: string;
  teamId: string;
  name: string;
  version: number;
}

/**
 * `SELECT ... FOR UPDATE` of a schedule in a transaction: edits, deletes,
 * overrides and feed rotations of one schedule queue up behind each other, so
 * the version a change checks is the one it replaces and the audit log's
 * "before" is what it changed. Null when there is no such schedule.
 */
export async function lockSchedule(tx: Tx, id: string): Promise<LockedSchedule | null> {
  const { rows } = await tx.query<LockedSchedule>(`SELECT id, team_id AS "teamId", name, version FROM schedules WHERE id = $1::uuid FOR UPDATE`, [id]);
  return rows[0] ?? null;
}
