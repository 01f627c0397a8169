import type pg from 'pg';

export interface ActiveCalendarFeed {
  id: string;
  scheduleId: string | null;
  userId: string | null;
}

/** The unrevoked feed with this token hash (a rotated or revoked token finds nothing). */
export async function findCalendarFeed(pool: pg.Pool, tokenHash: string): Promise<ActiveCalendarFeed | undefined> {
  const r = await pool.query<ActiveCalendarFeed>(
    `SELECT id, schedule_id AS "scheduleId", user_id AS "userId"
       FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return r.rows[0];
}
