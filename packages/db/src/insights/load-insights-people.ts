import type { InsightsPerson } from '@heinrich/core/insights/build-insights';
import type pg from 'pg';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The people of a report (paged or notified about its incidents, core
 * IncidentFacts): name and time zone. The synthetic probe's user is left out;
 * an id that is not a user (a deleted one, a malformed timeline entry) too.
 */
export async function loadInsightsPeople(pool: pg.Pool | pg.PoolClient, userIds: Iterable<string>): Promise<InsightsPerson[]> {
  const ids = [...new Set(userIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  const r = await pool.query<{ id: string; name: string; time_zone: string }>(
    `SELECT u.id, u.name, u.time_zone FROM users u WHERE u.id = ANY($1::uuid[]) AND NOT u.is_probe`,
    [ids],
  );
  return r.rows.map((u) => ({ userId: u.id, name: u.name, timeZone: u.time_zone }));
}
