import type pg from 'pg';
import type { CreationPosition } from '../page-ids';

/**
 * One page of schedule ids in creation order (created_at, id), of one team or
 * of all, and the position after it (null on the last page). Positions keep
 * Postgres' microseconds (a JS Date would round them and repeat or skip rows at
 * page boundaries).
 */
export async function pageScheduleIds(
  pool: pg.Pool,
  opts: { teamId?: string; after?: CreationPosition; limit: number },
): Promise<{ ids: string[]; next: CreationPosition | null }> {
  const r = await pool.query<{ id: string; position: string }>(
    `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
       FROM schedules
      WHERE ($1::uuid IS NULL OR team_id = $1)
        AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
      ORDER BY created_at, id
      LIMIT $4`,
    [opts.teamId ?? null, opts.after?.createdAt ?? null, opts.after?.id ?? null, opts.limit + 1],
  );
  const page = r.rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    next: r.rows.length > opts.limit && last ? { createdAt: last.position, id: last.id } : null,
  };
}
