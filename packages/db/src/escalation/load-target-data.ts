import type pg from 'pg';

export interface TargetSchedule {
  id: string;
  name: string;
  /** the revision in force at the instant (the first revision before any) */
  timeZone: string;
  layers: unknown;
  /** covering the instant, oldest-created first (the later wins) */
  overrides: { id: string; userId: string; startsAt: Date; endsAt: Date }[];
}

export interface TargetData {
  schedules: Map<string, TargetSchedule>;
  /** every user the targets, the schedules' layers and overrides and the leads name, that exists: id -> name */
  users: Map<string, string>;
  leads: string[];
  teamName: string | null;
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * What resolving escalation targets at instant `at` needs, in one round trip,
 * in the caller's transaction: the schedules (revision in force, overrides
 * covering `at`), the team's leads, and the names of every person involved
 * (a person who no longer exists is simply absent).
 */
export async function loadTargetData(
  client: pg.PoolClient,
  opts: { userIds: string[]; scheduleIds: string[]; teamId: string | null; at: Date },
): Promise<TargetData> {
  const r = await client.query<{ kind: 's' | 'o' | 'l' | 'u' | 't'; row: Record<string, unknown> }>(
    `WITH sched AS (
       SELECT s.id, s.name, r.time_zone, r.layers
         FROM schedules s
         CROSS JOIN LATERAL (
           SELECT time_zone, layers FROM schedule_revisions
            WHERE schedule_id = s.id
            ORDER BY (effective_from <= $3) DESC,
                     CASE WHEN effective_from <= $3 THEN effective_from END DESC NULLS LAST,
                     CASE WHEN effective_from <= $3 THEN version END DESC NULLS LAST,
                     effective_from, version
            LIMIT 1) r
        WHERE s.id = ANY($2::uuid[])
     ), ovr AS (
       SELECT id, schedule_id, user_id, starts_at, ends_at, created_at FROM schedule_overrides
        WHERE schedule_id = ANY($2::uuid[]) AND starts_at <= $3 AND ends_at > $3
     ), leads AS (
       SELECT user_id FROM team_members WHERE team_id = $4 AND role = 'lead'
     ), wanted AS (
       SELECT unnest($1::uuid[]) AS id
       UNION SELECT user_id FROM ovr
       UNION SELECT user_id FROM leads
       UNION SELECT m::uuid FROM sched, jsonb_array_elements(sched.layers) l, jsonb_array_elements_text(l->'members') m WHERE m ~ '${UUID}'
     )
     SELECT 's' AS kind, jsonb_build_object('id', id, 'name', name, 'timeZone', time_zone, 'layers', layers) AS row, NULL::timestamptz AS k1, id::text AS k2 FROM sched
     UNION ALL
     SELECT 'o', jsonb_build_object('id', id, 'scheduleId', schedule_id, 'userId', user_id, 'startsAt', starts_at, 'endsAt', ends_at), created_at, id::text FROM ovr
     UNION ALL
     SELECT 'l', jsonb_build_object('userId', user_id), NULL, user_id::text FROM leads
     UNION ALL
     SELECT 'u', jsonb_build_object('id', u.id, 'name', u.name), NULL, u.id::text FROM users u WHERE u.id IN (SELECT id FROM wanted)
     UNION ALL
     SELECT 't', jsonb_build_object('name', name), NULL, id::text FROM teams WHERE id = $4
     ORDER BY kind, k1, k2`,
    [opts.userIds, opts.scheduleIds, opts.at, opts.teamId],
  );
  const data: TargetData = { schedules: new Map(), users: new Map(), leads: [], teamName: null };
  const overrides: Record<string, unknown>[] = [];
  for (const { kind, row } of r.rows) {
    if (kind === 's') {
      data.schedules.set(row.id as string, { id: row.id as string, name: row.name as string, timeZone: row.timeZone as string, layers: row.layers, overrides: [] });
    } else if (kind === 'o') overrides.push(row);
    else if (kind === 'l') data.leads.push(row.userId as string);
    else if (kind === 'u') data.users.set(row.id as string, row.name as string);
    else data.teamName = row.name as string;
  }
  for (const o of overrides) {
    data.schedules.get(o.scheduleId as string)?.overrides.push({
      id: o.id as string,
      userId: o.userId as string,
      startsAt: new Date(o.startsAt as string),
      endsAt: new Date(o.endsAt as string),
    });
  }
  return data;
}
