import type { Queryable } from '../queryable';

/** How many alerts an incident has (firing or resolved). */
export async function countIncidentAlerts(q: Queryable, incidentId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM alerts WHERE incident_id = $1`, [incidentId]);
  return rows[0]?.n ?? 0;
}
