import type pg from 'pg';

export interface RevisionRow {
  version: number;
  effectiveFrom: Date;
  timeZone: string;
  /** as stored: the API's layer list */
  layers: unknown;
}

export interface OverrideRow {
  id: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ScheduleTimelineRows {
  /** in force somewhere in [from, to), in effective_from order (then version); never empty for an existing schedule */
  revisions: RevisionRow[];
  /** overlapping [from, to), oldest-created first (the resolver lets the later win) */
  overrides: OverrideRow[];
}

/**
 * What resolving a schedule over [from, to) needs, in one round trip: the
 * revision in force at `from` (the first revision when `from` is before every
 * revision: it also answers for the time before it), the revisions that take
 * effect inside the range, and the overrides overlapping it.
 */
export async function loadScheduleTimeline(pool: pg.Pool, scheduleId: string, from: Date, to: Date): Promise<ScheduleTimelineRows> {
  const r = await pool.query<{ kind: 'r' | 'o'; row: Record<string, unknown> }>(
    `WITH revs AS (
       (SELECT * FROM schedule_revisions WHERE schedule_id = $1 AND effective_from <= $2
         ORDER BY effective_from DESC, version DESC LIMIT 1)
       UNION
       (SELECT * FROM schedule_revisions WHERE schedule_id = $1 ORDER BY effective_from, version LIMIT 1)
       UNION
       (SELECT * FROM schedule_revisions WHERE schedule_id = $1 AND effective_from > $2 AND effective_from < $3)
     )
     SELECT 'r' AS kind, jsonb_build_object('version', version, 'effectiveFrom', effective_from, 'timeZone', time_zone, 'layers', layers) AS row,
            effective_from AS k1, lpad(version::text, 10, '0') AS k2
       FROM revs
     UNION ALL
     SELECT 'o', jsonb_build_object('id', id, 'userId', user_id, 'startsAt', starts_at, 'endsAt', ends_at), created_at, id::text
       FROM schedule_overrides WHERE schedule_id = $1 AND ends_at > $2 AND starts_at < $3
     ORDER BY kind, k1, k2`,
    [scheduleId, from, to],
  );
  const revisions: RevisionRow[] = [];
  const overrides: OverrideRow[] = [];
  for (const { kind, row } of r.rows) {
    if (kind === 'r') {
      revisions.push({
        version: row.version as number,
        effectiveFrom: new Date(row.effectiveFrom as string),
        timeZone: row.timeZone as string,
        layers: row.layers,
      });
    } else {
      overrides.push({
        id: row.id as string,
        userId: row.userId as string,
        startsAt: new Date(row.startsAt as string),
        endsAt: new Date(row.endsAt as string),
      });
    }
  }
  // the first revision comes first even when the one in force at `from` is later:
  // keep only the revisions from the one in force at `from` on
  const inForce = revisions.findLastIndex((rev) => rev.effectiveFrom.getTime() <= from.getTime());
  return { revisions: inForce > 0 ? revisions.slice(inForce) : revisions, overrides };
}
