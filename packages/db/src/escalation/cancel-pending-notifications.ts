import type pg from 'pg';

/** Cancels the incident's pages not delivered yet (acknowledged or resolved); returns how many. */
export async function cancelPendingNotifications(client: pg.PoolClient, incidentId: string, at: Date): Promise<number> {
  const r = await client.query(
    `UPDATE notifications SET status = 'cancelled', updated_at = $2 WHERE incident_id = $1 AND status = 'pending'`,
    [incidentId, at],
  );
  return r.rowCount ?? 0;
}
