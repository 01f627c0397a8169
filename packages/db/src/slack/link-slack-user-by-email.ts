import type pg from 'pg';
import { toLinkedUser, type SlackLinkedUser } from './find-user-by-slack-id';

/**
 * Links the Heinrich user with this email (stored lower-cased) to a Slack
 * member id, unless that user is already linked to another Slack user or the
 * Slack id is linked to someone else (then null: an explicit link wins over a
 * guess by email). Returns the user as linked.
 */
export async function linkSlackUserByEmail(db: pg.Pool | pg.PoolClient, email: string, slackUserId: string): Promise<SlackLinkedUser | null> {
  const r = await db.query(
    `UPDATE users u SET slack_user_id = $2, updated_at = now()
      WHERE u.email = lower(trim($1)) AND u.slack_user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM users o WHERE o.slack_user_id = $2)
      RETURNING u.id AS user_id, u.name, u.email, u.role::text AS role,
        coalesce((SELECT jsonb_object_agg(m.team_id, m.role) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_roles`,
    [email, slackUserId],
  );
  return r.rows[0] ? toLinkedUser(r.rows[0]) : null;
}
