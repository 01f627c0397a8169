import type pg from 'pg';

export interface EscalationChange {
  baseCycle: number;
  cycle: number;
  step: number;
  generation: number;
  status: 'active' | 'acknowledged' | 'stopped' | 'exhausted';
  /** set exactly while something is pending (active, acknowledged) */
  nextDueAt: Date | null;
  at: Date;
}

/** Writes the escalation's new state; the caller holds the row lock (lockEscalation). */
export async function updateEscalation(client: pg.PoolClient, incidentId: string, c: EscalationChange): Promise<void> {
  await client.query(
    `UPDATE incident_escalations
        SET base_cycle = $2, cycle = $3, step = $4, generation = $5, status = $6::escalation_status, next_due_at = $7, updated_at = $8
      WHERE incident_id = $1`,
    [incidentId, c.baseCycle, c.cycle, c.step, c.generation, c.status, c.nextDueAt, c.at],
  );
}
