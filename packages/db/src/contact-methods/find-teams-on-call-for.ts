import type { TeamRef } from '@heinrich/core/authz/authorize';
import type pg from 'pg';

/**
 * The teams each person is on call for (docs/authorization.md "Contact
 * values"): a revision of one of the team's schedules lists them as a layer
 * member, an override of theirs on one of its schedules has not ended, or a
 * step of one of the team's escalation policies names them directly. Their
 * leads may see the person's contact values. By user id; a person on call for
 * nobody is absent.
 */
export async function findTeamsOnCallFor(pool: pg.Pool, userIds: readonly string[], now: Date): Promise<Map<string, TeamRef[]>> {
  const out = new Map<string, TeamRef[]>();
  if (userIds.length === 0) return out;
  const r = await pool.query<{ userId: string; id: string; name: string }>(
    `SELECT u.id::text AS "userId", t.id, t.name
       FROM unnest($1::uuid[]) AS u(id)
       JOIN teams t ON
            EXISTS (SELECT 1 FROM schedules s JOIN schedule_revisions r ON r.schedule_id = s.id
                     WHERE s.team_id = t.id AND r.layers @> jsonb_build_array(jsonb_build_object('members', jsonb_build_array(u.id::text))))
         OR EXISTS (SELECT 1 FROM schedules s JOIN schedule_overrides o ON o.schedule_id = s.id
                     WHERE s.team_id = t.id AND o.user_id = u.id AND o.ends_at > $2)
         OR EXISTS (SELECT 1 FROM escalation_policies p
                     WHERE p.team_id = t.id
                       AND p.steps @> jsonb_build_array(jsonb_build_object('targets', jsonb_build_array(jsonb_build_object('type', 'user', 'id', u.id::text)))))
      ORDER BY t.name`,
    [[...new Set(userIds)], now],
  );
  for (const row of r.rows) {
    const list = out.get(row.userId) ?? [];
    list.push({ id: row.id, name: row.name });
    out.set(row.userId, list);
  }
  return out;
}
