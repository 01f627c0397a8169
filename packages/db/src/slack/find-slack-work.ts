import type pg from 'pg';

/**
 * Incidents with Slack messages to post or bring up to date whose claim (if
 * any) has lapsed: the sweeper's backstop for a missed NOTIFY, a crashed
 * worker, or a retry whose Retry-After has passed.
 */
export async function findSlackWork(db: pg.Pool | pg.PoolClient, now: Date, limit: number): Promise<string[]> {
  const r = await db.query<{ incident_id: string }>(
    `SELECT incident_id FROM slack_messages
      WHERE (status = 'pending' OR (status = 'posted' AND wanted_seq > synced_seq))
        AND (claimed_until IS NULL OR claimed_until <= $1)
      GROUP BY incident_id
      ORDER BY min(updated_at)
      LIMIT $2`,
    [now, limit],
  );
  return r.rows.map((row) => row.incident_id);
}
