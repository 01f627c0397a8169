import type pg from 'pg';

export interface FiringOccurrence {
  id: string;
  fingerprint: string;
  startsAt: Date;
  labels: Record<string, string>;
}

/** The incident's firing alerts; with `lock`, locked (FOR UPDATE) in the caller's transaction. */
export async function findFiringAlerts(db: pg.Pool | pg.PoolClient, incidentId: string, opts: { lock?: boolean } = {}): Promise<FiringOccurrence[]> {
  const r = await db.query<{ id: string; fingerprint: string; starts_at: Date; labels: Record<string, string> }>(
    `SELECT id, fingerprint, starts_at, labels FROM alerts
      WHERE incident_id = $1 AND status = 'firing'
      ORDER BY fingerprint, starts_at${opts.lock ? '\n      FOR UPDATE' : ''}`,
    [incidentId],
  );
  return r.rows.map((a) => ({ id: a.id, fingerprint: a.fingerprint, startsAt: a.starts_at, labels: a.labels }));
}

/** Marks those alerts resolved at `at` (those still firing); returns the ones it changed. */
export async function resolveAlerts(client: pg.PoolClient, alertIds: string[], at: Date): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const r = await client.query<{ id: string }>(
    `UPDATE alerts SET status = 'resolved', ends_at = $2, last_seen_at = $2
      WHERE id = ANY($1::uuid[]) AND status = 'firing'
      RETURNING id`,
    [alertIds, at],
  );
  return r.rows.map((x) => x.id);
}

/** Whether the incident's service resolves incidents whose alerts have all resolved. */
export async function serviceAutoResolves(client: pg.PoolClient, incidentId: string): Promise<boolean> {
  const r = await client.query<{ auto_resolve: boolean }>(
    `SELECT s.auto_resolve FROM incidents i JOIN services s ON s.id = i.service_id WHERE i.id = $1`,
    [incidentId],
  );
  return r.rows[0]?.auto_resolve ?? false;
}
