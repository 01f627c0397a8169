import type pg from 'pg';

/**
 * Sets (or with null clears) a user's Slack member id. Returns false when
 * another user already has it (users_slack_user_id_key), so callers answer 409.
 */
export async function setUserSlackId(db: pg.Pool | pg.PoolClient, userId: string, slackUserId: string | null): Promise<boolean> {
  try {
    await db.query(`UPDATE users SET slack_user_id = $2, updated_at = now() WHERE id = $1`, [userId, slackUserId]);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') return false;
    throw err;
  }
}
