import type { Queryable } from '../queryable';

/** The users the incident has paged (a notification row each), whether or not an event names them yet. */
export async function listPagedUserIds(q: Queryable, incidentId: string): Promise<string[]> {
  const { rows } = await q.query<{ userId: string }>(`SELECT DISTINCT user_id AS "userId" FROM notifications WHERE incident_id = $1`, [incidentId]);
  return rows.map((r) => r.userId);
}
