import type { NotifiedEvent } from '@heinrich/core/insights/count-interruptions';
import type { PersonPages } from '@heinrich/core/insights/build-insights';
import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_INCIDENTS_WHERE, insightsParams } from './insights-scope-sql';

/**
 * The people side of the period's incidents: each person's pages (notifications
 * that went out) with their name and zone, and every message that went out to a
 * person (`notified` timeline entries), for interruptions.
 */
export async function loadPeriodPeople(
  pool: pg.Pool | pg.PoolClient,
  from: Date,
  to: Date,
  filter: InsightsServiceFilter,
): Promise<{ people: PersonPages[]; notified: NotifiedEvent[] }> {
  const params = insightsParams(from, to, filter);
  const inc = `SELECT i.id FROM incidents i JOIN services s ON s.id = i.service_id WHERE ${INSIGHTS_INCIDENTS_WHERE}`;
  const [notified, people] = await Promise.all([
    pool.query<{ incident_id: string; user_id: string; at: Date }>(
      `SELECT e.incident_id, e.data->>'userId' AS user_id, e.created_at AS at
         FROM incident_events e
        WHERE e.incident_id IN (${inc}) AND e.type = 'notified' AND e.data ? 'userId'`,
      params,
    ),
    pool.query<{ user_id: string; name: string; time_zone: string; pages: number }>(
      `WITH inc AS MATERIALIZED (${inc}),
       paged AS (
         SELECT n.user_id, count(*)::int AS pages
           FROM notifications n WHERE n.incident_id IN (SELECT id FROM inc) AND n.status = 'sent' GROUP BY n.user_id
         UNION ALL
         SELECT (e.data->>'userId')::uuid, 0
           FROM incident_events e
          WHERE e.incident_id IN (SELECT id FROM inc) AND e.type = 'notified'
            AND e.data->>'userId' ~ '^[0-9a-fA-F-]{36}$'
       )
       SELECT u.id AS user_id, u.name, u.time_zone, sum(p.pages)::int AS pages
         FROM paged p JOIN users u ON u.id = p.user_id
        WHERE NOT u.is_probe
        GROUP BY u.id, u.name, u.time_zone`,
      params,
    ),
  ]);
  const known = new Set(people.rows.map((u) => u.user_id));
  return {
    people: people.rows.map((u) => ({ userId: u.user_id, name: u.name, timeZone: u.time_zone, pages: u.pages })),
    notified: notified.rows.filter((n) => known.has(n.user_id)).map((n) => ({ incidentId: n.incident_id, userId: n.user_id, at: n.at.getTime() })),
  };
}
