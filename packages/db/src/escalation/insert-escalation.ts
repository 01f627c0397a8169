import type pg from 'pg';

export interface NewEscalation {
  incidentId: string;
  policyId: string | null;
  policy: unknown;
  urgency: 'high' | 'low';
  nextDueAt: Date;
  at: Date;
}

/** Begins an incident's escalation at cycle 0, step 0, generation 0; false when it already has one. */
export async function insertEscalation(client: pg.PoolClient, e: NewEscalation): Promise<boolean> {
  const r = await client.query(
    `INSERT INTO incident_escalations (incident_id, policy_id, policy, urgency, status, next_due_at, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, 'active', $5, $6, $6)
     ON CONFLICT (incident_id) DO NOTHING`,
    [e.incidentId, e.policyId, JSON.stringify(e.policy), e.urgency, e.nextDueAt, e.at],
  );
  return r.rowCount === 1;
}
