import type pg from 'pg';

/** The unresolved incidents these users hold SMS reply codes for (they were paged by SMS about them). */
export async function findSmsPagedIncidents(client: pg.PoolClient, userIds: string[]): Promise<{ incidentId: string; userId: string }[]> {
  if (userIds.length === 0) return [];
  const r = await client.query<{ incidentId: string; userId: string }>(
    `SELECT r.incident_id AS "incidentId", r.user_id AS "userId"
       FROM sms_reply_codes r JOIN incidents i ON i.id = r.incident_id
      WHERE r.user_id = ANY($1::uuid[]) AND i.status <> 'resolved' ORDER BY r.created_at`,
    [userIds],
  );
  return r.rows;
}
