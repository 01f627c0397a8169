import type pg from 'pg';

export interface DueEscalation {
  incidentId: string;
  cycle: number;
  step: number;
  generation: number;
  nextDueAt: Date;
}

/**
 * Escalations with work due at or before `dueBy`, oldest first: a step of an
 * escalation whose incident is still triggered, or an acknowledgement timeout
 * of one still acknowledged (an escalation whose incident moved on is left to
 * the acknowledgement's or resolution's handler, which stops it). Uses the
 * index on next_due_at, which is NULL unless something is pending.
 */
export async function findDueEscalations(client: pg.ClientBase | pg.Pool, opts: { dueBy: Date; limit: number }): Promise<DueEscalation[]> {
  const r = await client.query<DueEscalation>(
    `SELECT e.incident_id AS "incidentId", e.cycle, e.step, e.generation, e.next_due_at AS "nextDueAt"
       FROM incident_escalations e
       JOIN incidents i ON i.id = e.incident_id
      WHERE e.next_due_at <= $1
        AND ((e.status = 'active' AND i.status = 'triggered') OR (e.status = 'acknowledged' AND i.status = 'acknowledged'))
      ORDER BY e.next_due_at
      LIMIT $2`,
    [opts.dueBy, opts.limit],
  );
  return r.rows;
}
