import type pg from 'pg';

/** A Heinrich user linked to a Slack user, with what authorization needs. */
export interface SlackLinkedUser {
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'user';
  teamRoles: Record<string, 'lead' | 'responder' | 'viewer'>;
}

const SELECT_USER = `SELECT u.id AS user_id, u.name, u.email, u.role::text AS role,
        coalesce((SELECT jsonb_object_agg(m.team_id, m.role) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_roles
   FROM users u`;

type Row = { user_id: string; name: string; email: string; role: 'admin' | 'user'; team_roles: SlackLinkedUser['teamRoles'] };

export function toLinkedUser(row: Row): SlackLinkedUser {
  return { userId: row.user_id, name: row.name, email: row.email, role: row.role, teamRoles: row.team_roles };
}

/** The user whose users.slack_user_id is this Slack member id (U...), with their team roles; null when nobody is linked. */
export async function findUserBySlackId(db: pg.Pool | pg.PoolClient, slackUserId: string): Promise<SlackLinkedUser | null> {
  const r = await db.query<Row>(`${SELECT_USER} WHERE u.slack_user_id = $1`, [slackUserId]);
  return r.rows[0] ? toLinkedUser(r.rows[0]) : null;
}

/** The same for a Heinrich user id (null when the user does not exist). */
export async function findSlackLinkedUserById(db: pg.Pool | pg.PoolClient, userId: string): Promise<SlackLinkedUser | null> {
  const r = await db.query<Row>(`${SELECT_USER} WHERE u.id = $1`, [userId]);
  return r.rows[0] ? toLinkedUser(r.rows[0]) : null;
}
