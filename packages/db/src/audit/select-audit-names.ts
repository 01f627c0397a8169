import type pg from 'pg';

/** The named things audit entries mention, each table with its audit entity type. */
const NAMED = [
  ['users', 'user'],
  ['teams', 'team'],
  ['services', 'service'],
  ['escalation_policies', 'escalation_policy'],
  ['schedules', 'schedule'],
  ['integration_keys', 'integration_key'],
  ['api_keys', 'api_key'],
  ['heartbeats', 'heartbeat'],
  ['routing_integrations', 'routing_integration'],
] as const;

/**
 * The names of the things audit entries mention, by id: users, teams,
 * services, escalation policies, schedules, integration keys, API keys,
 * heartbeats and routing integrations as they are named now; for things since
 * deleted, the name their newest audit snapshot recorded. Ids that name
 * nothing (or nothing with a name) are left out.
 */
export async function selectAuditNames(pool: pg.Pool, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
  if (uuids.length === 0) return new Map();
  const current = await pool.query<{ id: string; name: string }>(
    NAMED.map(([table]) => `SELECT id::text AS id, name FROM ${table} WHERE id = ANY($1::uuid[])`).join('\nUNION ALL '),
    [uuids],
  );
  const names = new Map(current.rows.map((row) => [row.id, row.name]));
  const missing = uuids.filter((id) => !names.has(id));
  if (missing.length > 0) {
    // deleted since: the name the newest entry about it recorded (the entity index)
    const recorded = await pool.query<{ id: string; name: string }>(
      `SELECT DISTINCT ON (entity_id) entity_id AS id, coalesce(before->>'name', after->>'name') AS name
         FROM audit_log
        WHERE entity_type = ANY($1::text[]) AND entity_id = ANY($2::text[])
          AND coalesce(before->>'name', after->>'name') IS NOT NULL
        ORDER BY entity_id, created_at DESC`,
      [NAMED.map(([, type]) => type), missing],
    );
    for (const row of recorded.rows) names.set(row.id, row.name);
  }
  return names;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
