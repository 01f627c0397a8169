import type pg from 'pg';

/** Stores the ad-hoc policy a directly assigned incident escalates with (read by loadEscalationStart). */
export async function setIncidentAssignment(client: pg.PoolClient, incidentId: string, policy: unknown): Promise<void> {
  await client.query(`UPDATE incidents SET assignment = $2::jsonb WHERE id = $1`, [incidentId, JSON.stringify(policy)]);
}
