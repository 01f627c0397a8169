import type pg from 'pg';

/**
 * Schedules where `userId` may be on call in [from, to): a revision lists them
 * as a layer member (any revision: the resolver then says whether and when), or
 * an override of theirs overlaps the range. In creation order.
 */
export async function findUserScheduleIds(pool: pg.Pool, userId: string, from: Date, to: Date): Promise<string[]> {
  const r = await pool.query<{ id: string }>(
    `SELECT s.id FROM schedules s
      WHERE EXISTS (SELECT 1 FROM schedule_revisions r WHERE r.schedule_id = s.id AND r.layers @> $2::jsonb)
         OR EXISTS (SELECT 1 FROM schedule_overrides o
                     WHERE o.schedule_id = s.id AND o.user_id = $1 AND o.ends_at > $3 AND o.starts_at < $4)
      ORDER BY s.created_at, s.id`,
    // jsonb containment: some layer whose members include the user
    [userId, JSON.stringify([{ members: [userId] }]), from, to],
  );
  return r.rows.map((row) => row.id);
}
