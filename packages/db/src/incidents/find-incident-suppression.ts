import type pg from 'pg';

/** The alert rule that suppressed the incident (incidents.suppressed_by), or null (docs/alert-rules.md). */
export async function findIncidentSuppression(client: pg.PoolClient, incidentId: string): Promise<{ ruleId: string; name: string; serviceName: string } | null> {
  const r = await client.query<{ suppressed_by: { ruleId: string; name: string; serviceName: string } | null }>(
    `SELECT suppressed_by FROM incidents WHERE id = $1`,
    [incidentId],
  );
  return r.rows[0]?.suppressed_by ?? null;
}
