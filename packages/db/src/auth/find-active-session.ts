import type pg from 'pg';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  name: string;
  role: 'admin' | 'user';
  teamRoles: Record<string, 'lead' | 'responder' | 'viewer'>;
}

/**
 * The unrevoked, unexpired session with this token hash, its user and the
 * user's team roles, in one round trip (this runs on every cookie-authenticated
 * request). Use slides the idle expiry forward, written at most once a minute
 * per session and never past the absolute expiry.
 */
export async function findActiveSession(
  pool: pg.Pool,
  opts: { tokenHash: string; now: Date; idleTimeoutMs: number },
): Promise<ActiveSession | undefined> {
  const r = await pool.query<{
    session_id: string;
    user_id: string;
    name: string;
    role: 'admin' | 'user';
    team_roles: Record<string, 'lead' | 'responder' | 'viewer'>;
    stale: boolean;
  }>(
    `SELECT s.id AS session_id, u.id AS user_id, u.name, u.role::text AS role,
            coalesce((SELECT jsonb_object_agg(m.team_id, m.role) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_roles,
            s.last_used_at < $2::timestamptz - interval '60 seconds' AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.absolute_expires_at > $2`,
    [opts.tokenHash, opts.now],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.stale) {
    await pool.query(
      `UPDATE sessions SET last_used_at = $2, expires_at = LEAST($2::timestamptz + $3 * interval '1 millisecond', absolute_expires_at)
        WHERE id = $1`,
      [row.session_id, opts.now, opts.idleTimeoutMs],
    );
  }
  return { sessionId: row.session_id, userId: row.user_id, name: row.name, role: row.role, teamRoles: row.team_roles };
}
