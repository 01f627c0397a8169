import type { PendingPage } from '@heinrich/core/delivery/plan-pages';
import type pg from 'pg';

/**
 * Pages the engine wrote that are still pending and not planned yet, oldest
 * first, locked for this transaction (rows another planner holds are skipped),
 * with the incident's urgency (high when it has none).
 */
export async function lockUnplannedPages(client: pg.PoolClient, limit: number): Promise<PendingPage[]> {
  const { rows } = await client.query<PendingPage>(
    `SELECT n.id, n.incident_id AS "incidentId", n.user_id AS "userId", n.allow_voice AS "allowVoice", n.created_at AS "createdAt",
            COALESCE(e.urgency, 'high') AS urgency
       FROM notifications n LEFT JOIN incident_escalations e ON e.incident_id = n.incident_id
      WHERE n.planned_at IS NULL AND n.status = 'pending'
      ORDER BY n.created_at LIMIT $1
      FOR UPDATE OF n SKIP LOCKED`,
    [limit],
  );
  return rows;
}
