import type pg from 'pg';

export interface PipelineLag {
  /** created_at of the oldest outbox row (committed, not yet handled by a worker); null: none */
  oldestOutboxAt: Date | null;
  /** the earliest next_due_at of an escalation (a step or acknowledgement timeout pending); null: none */
  earliestDueAt: Date | null;
}

/**
 * The two ages the outbound heartbeat judges the pipeline by (core
 * decideOutboundHeartbeat): one round trip, two index lookups (outbox
 * created_at, incident_escalations next_due_at; NULL unless something is pending).
 */
export async function loadPipelineLag(client: pg.ClientBase | pg.Pool): Promise<PipelineLag> {
  const r = await client.query<PipelineLag>(
    `SELECT (SELECT min(created_at) FROM outbox) AS "oldestOutboxAt",
            (SELECT min(next_due_at) FROM incident_escalations) AS "earliestDueAt"`,
  );
  const row = r.rows[0];
  return { oldestOutboxAt: row?.oldestOutboxAt ?? null, earliestDueAt: row?.earliestDueAt ?? null };
}
