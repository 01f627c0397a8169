import type { Queryable } from '../queryable';

/**
 * The service holding the open incident of an events-API group (dedup_key) that
 * this routing integration opened: where an acknowledge or resolve without a
 * payload (nothing to route on) belongs. Undefined when there is none.
 */
export async function findRoutedEventService(q: Queryable, actor: string, groupKeyHash: string): Promise<string | undefined> {
  const r = await q.query<{ service_id: string }>(
    `SELECT i.service_id FROM incidents i
      WHERE i.open_group_key = $1
        AND EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'opened' AND e.actor = $2)
      ORDER BY i.created_at DESC LIMIT 1`,
    [groupKeyHash, actor],
  );
  return r.rows[0]?.service_id;
}
