import type pg from 'pg';

/**
 * Resolves those of `incidentIds` that are open and have no firing alert left.
 * Clearing open_group_key frees the group: the next new alert opens a new incident.
 */
export async function resolveQuietIncidents(
  client: pg.PoolClient,
  incidentIds: string[],
  resolvedBy: string,
): Promise<{ id: string; number: number }[]> {
  if (incidentIds.length === 0) return [];
  const r = await client.query<{ id: string; number: number }>(
    `UPDATE incidents i
        SET status = 'resolved', resolved_at = now(), resolved_by = $2, open_group_key = NULL, updated_at = now()
      WHERE i.id = ANY($1::uuid[]) AND i.status <> 'resolved'
        AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing')
      RETURNING i.id, i.number`,
    [incidentIds, resolvedBy],
  );
  return r.rows;
}

/**
 * Alertmanager's truncatedAlerts of the latest notification, on every incident it
 * touched. Callers skip it when nothing would change (the common case: 0 -> 0).
 */
export async function setTruncatedAlerts(client: pg.PoolClient, incidentIds: string[], truncated: number): Promise<void> {
  if (incidentIds.length === 0) return;
  await client.query(
    `UPDATE incidents SET truncated_alerts = $2, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND truncated_alerts IS DISTINCT FROM $2`,
    [incidentIds, truncated],
  );
}
