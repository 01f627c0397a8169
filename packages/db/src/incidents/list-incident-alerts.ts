import type pg from 'pg';

export interface AlertRecord {
  id: string;
  fingerprint: string;
  status: 'firing' | 'resolved' | 'superseded' | 'stale';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  endsAt: Date | null;
  generatorUrl: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  receiveCount: number;
}

/**
 * The alerts of an incident, firing ones first, then by start and fingerprint.
 * At most `limit`: one Alertmanager notification may carry thousands, and the
 * incident's alert counts already say how many there are.
 */
export async function listIncidentAlerts(pool: pg.Pool, incidentId: string, limit: number): Promise<AlertRecord[]> {
  const r = await pool.query<{
    id: string;
    fingerprint: string;
    status: 'firing' | 'resolved' | 'superseded' | 'stale';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    starts_at: Date;
    ends_at: Date | null;
    generator_url: string | null;
    first_seen_at: Date;
    last_seen_at: Date;
    receive_count: number;
  }>(
    `SELECT id, fingerprint, status, labels, annotations, starts_at, ends_at, generator_url,
            first_seen_at, last_seen_at, receive_count
       FROM alerts
      WHERE incident_id = $1
      ORDER BY status = 'firing' DESC, starts_at, fingerprint
      LIMIT $2`,
    [incidentId, limit],
  );
  return r.rows.map((row) => ({
    id: row.id,
    fingerprint: row.fingerprint,
    status: row.status,
    labels: row.labels,
    annotations: row.annotations,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    generatorUrl: row.generator_url,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    receiveCount: row.receive_count,
  }));
}
