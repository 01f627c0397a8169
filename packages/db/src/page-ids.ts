import type pg from 'pg';

/** Where a page ends: created_at as text with microseconds, and the tie-breaking id. */
export interface CreationPosition {
  createdAt: string;
  id: string;
}

/** Tables listed in creation order (a closed list: the name is put into SQL text). */
export type PagedTable = 'users' | 'teams' | 'escalation_policies';

/**
 * The ids of one page of rows in creation order (created_at, id), and the
 * position after it (null on the last page). Positions carry Postgres'
 * microseconds: a JS Date would round them and repeat or skip rows at page
 * boundaries. Callers load the rows themselves (with Prisma) and keep this order.
 * Users: the synthetic probe's user (is_probe, not a person) is never listed.
 */
export async function pageIds(
  pool: pg.Pool,
  table: PagedTable,
  opts: { after?: CreationPosition; limit: number },
): Promise<{ ids: string[]; next: CreationPosition | null }> {
  const r = await pool.query<{ id: string; position: string }>(
    `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
       FROM "${table}"
      WHERE ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))${table === 'users' ? ' AND NOT is_probe' : ''}
      ORDER BY created_at, id
      LIMIT $3`,
    [opts.after?.createdAt ?? null, opts.after?.id ?? null, opts.limit + 1],
  );
  const page = r.rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    next: r.rows.length > opts.limit && last ? { createdAt: last.position, id: last.id } : null,
  };
}
