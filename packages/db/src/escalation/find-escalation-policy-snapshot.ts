import type pg from 'pg';

/** The policy an incident's escalation runs (the snapshot taken when it began), or null when it never began. */
export async function findEscalationPolicySnapshot(client: pg.Pool | pg.PoolClient, incidentId: string): Promise<unknown> {
  const r = await client.query<{ policy: unknown }>(`SELECT policy FROM incident_escalations WHERE incident_id = $1`, [incidentId]);
  return r.rows[0]?.policy ?? null;
}
