import type pg from 'pg';
import type { PendingProbeRun } from '@heinrich/core/probe/decide-probe-pass';

/** The probe_runs table (docs/monitoring.md "Synthetic probe"). */

/** Runs not judged yet, and when the latest run was sent (under the probe lock). */
export async function loadProbeRuns(client: pg.PoolClient): Promise<{ pending: PendingProbeRun[]; lastSentAt: Date | null }> {
  const r = await client.query<{ id: string; sent_at: Date; received_at: Date | null; last: Date | null }>(
    `SELECT id, sent_at, received_at, NULL::timestamptz AS last FROM probe_runs WHERE status = 'pending'
     UNION ALL
     SELECT NULL, NULL, NULL, (SELECT max(sent_at) FROM probe_runs)`,
  );
  const pending = r.rows.filter((row) => row.id !== null).map((row) => ({ id: row.id, sentAt: row.sent_at, receivedAt: row.received_at }));
  return { pending, lastSentAt: r.rows.find((row) => row.id === null)?.last ?? null };
}

export async function insertProbeRun(client: pg.PoolClient | pg.Pool, sentAt: Date): Promise<string> {
  const r = await client.query<{ id: string }>(`INSERT INTO probe_runs (id, sent_at) VALUES (gen_random_uuid(), $1) RETURNING id`, [sentAt]);
  return r.rows[0]!.id;
}

/** Judges a pending run; a run judged already is left as it is. */
export async function finishProbeRun(client: pg.PoolClient | pg.Pool, id: string, outcome: 'succeeded' | 'failed', at: Date, error: string | null): Promise<void> {
  await client.query(`UPDATE probe_runs SET status = $2, finished_at = $3, error = $4 WHERE id = $1 AND status = 'pending'`, [id, outcome, at, error]);
}

/** Judged runs whose alert was not sent resolved yet, oldest first. */
export async function listUnresolvedProbeRuns(pool: pg.Pool, limit: number): Promise<string[]> {
  const r = await pool.query<{ id: string }>(
    `SELECT id FROM probe_runs WHERE status <> 'pending' AND resolved_at IS NULL ORDER BY sent_at LIMIT $1`,
    [limit],
  );
  return r.rows.map((row) => row.id);
}

export async function markProbeRunResolved(pool: pg.Pool, id: string, at: Date): Promise<void> {
  await pool.query(`UPDATE probe_runs SET resolved_at = $2 WHERE id = $1`, [id, at]);
}

/** The group key of a probe service's incident; undefined for any other incident. */
export async function findProbeIncidentGroupKey(pool: pg.Pool, incidentId: string): Promise<string | undefined> {
  const r = await pool.query<{ group_key: string }>(
    `SELECT i.group_key FROM incidents i JOIN services s ON s.id = i.service_id AND s.is_probe WHERE i.id = $1`,
    [incidentId],
  );
  return r.rows[0]?.group_key;
}

/** Records the webhook's arrival on the run (first arrival wins). */
export async function setProbeRunReceived(pool: pg.Pool, runId: string, incidentId: string, at: Date): Promise<boolean> {
  const r = await pool.query(`UPDATE probe_runs SET received_at = $3, incident_id = $2 WHERE id = $1 AND received_at IS NULL`, [runId, incidentId, at]);
  return (r.rowCount ?? 0) > 0;
}

/** When the latest succeeded run's webhook arrived (Unix seconds); 0: never. */
export async function selectProbeLastSuccess(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ at: number | null }>(`SELECT extract(epoch FROM max(received_at))::float8 AS at FROM probe_runs WHERE status = 'succeeded'`);
  return r.rows[0]?.at ?? 0;
}
