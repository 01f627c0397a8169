import type pg from 'pg';

export interface NewNotification {
  userId: string;
  cycle: number;
  step: number;
  reason: unknown;
  allowVoice: boolean;
}

/**
 * Pages, one row per person per (cycle, step) of the incident: ON CONFLICT DO
 * NOTHING on the unique (incident_id, user_id, cycle, step), so a page decided
 * twice is written once. Returns the pages written (the others existed).
 */
export async function insertNotifications(
  client: pg.PoolClient,
  incidentId: string,
  pages: NewNotification[],
  at: Date,
): Promise<{ userId: string; cycle: number; step: number }[]> {
  if (pages.length === 0) return [];
  const r = await client.query<{ userId: string; cycle: number; step: number }>(
    `INSERT INTO notifications (id, incident_id, user_id, cycle, step, reason, allow_voice, created_at, updated_at)
     SELECT gen_random_uuid(), $1, t.user_id, t.cycle, t.step, t.reason, t.allow_voice, $3, $3
       FROM jsonb_to_recordset($2::jsonb) AS t(user_id uuid, cycle int, step int, reason jsonb, allow_voice boolean)
     ON CONFLICT (incident_id, user_id, cycle, step) DO NOTHING
     RETURNING user_id AS "userId", cycle, step`,
    [incidentId, JSON.stringify(pages.map((p) => ({ user_id: p.userId, cycle: p.cycle, step: p.step, reason: p.reason, allow_voice: p.allowVoice }))), at],
  );
  return r.rows;
}

/** Cancels the incident's pages not delivered yet (acknowledged or resolved); returns how many. */
export async function cancelPendingNotifications(client: pg.PoolClient, incidentId: string, at: Date): Promise<number> {
  const r = await client.query(
    `UPDATE notifications SET status = 'cancelled', updated_at = $2 WHERE incident_id = $1 AND status = 'pending'`,
    [incidentId, at],
  );
  return r.rowCount ?? 0;
}
