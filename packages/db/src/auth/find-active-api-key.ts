import type pg from 'pg';

export interface ActiveApiKey {
  id: string;
  name: string;
  role: 'admin' | 'lead' | 'responder' | 'viewer';
  teamId: string | null;
}

/**
 * The unrevoked API key with this secret hash. Records last use at most once a
 * minute per key, so a busy automation doesn't turn every call into a write.
 */
export async function findActiveApiKey(pool: pg.Pool, opts: { secretHash: string; now: Date }): Promise<ActiveApiKey | undefined> {
  const r = await pool.query<ActiveApiKey & { stale: boolean }>(
    `SELECT id, name, role::text AS role, team_id AS "teamId",
            (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '60 seconds') AS stale
       FROM api_keys
      WHERE secret_hash = $1 AND revoked_at IS NULL`,
    [opts.secretHash, opts.now],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.stale) await pool.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [row.id, opts.now]);
  return { id: row.id, name: row.name, role: row.role, teamId: row.teamId };
}
