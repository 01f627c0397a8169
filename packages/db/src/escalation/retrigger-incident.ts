import type pg from 'pg';

/**
 * An acknowledged incident back to triggered (its acknowledgement timed out);
 * false when it is no longer acknowledged (resolved meanwhile). The caller holds
 * the escalation's locks (lockEscalation).
 */
export async function retriggerIncident(client: pg.PoolClient, incidentId: string): Promise<boolean> {
  const r = await client.query(
    `UPDATE incidents SET status = 'triggered', acknowledged_at = NULL, acknowledged_by = NULL, updated_at = now()
      WHERE id = $1 AND status = 'acknowledged'`,
    [incidentId],
  );
  return r.rowCount === 1;
}
