import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import type pg from 'pg';

export interface InsertedOccurrence {
  index: number;
  incidentId: string;
  /** false when a concurrent delivery inserted it first (then it was only touched) */
  inserted: boolean;
}

/**
 * Occurrences seen for the first time, each into its group's open incident.
 * ON CONFLICT covers a concurrent delivery of the same occurrence: the loser
 * counts a re-send instead of adding a duplicate.
 */
export async function insertNewOccurrences(
  client: pg.PoolClient,
  serviceId: string,
  alerts: { index: number; alert: IncomingAlert; incidentId: string }[],
): Promise<InsertedOccurrence[]> {
  const rows = alerts
    .map(({ index, alert: a, incidentId }) => ({
      idx: index,
      incident_id: incidentId,
      fingerprint: a.fingerprint,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      generator_url: a.generatorUrl,
      severity: a.severity,
    }))
    .sort((x, y) => (x.fingerprint < y.fingerprint ? -1 : x.fingerprint > y.fingerprint ? 1 : 0));
  const result = await client.query<{ idx: number; incident_id: string; inserted: boolean }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(idx int, incident_id uuid, fingerprint text, starts_at timestamptz,
              ends_at timestamptz, status alert_status, labels jsonb, annotations jsonb, generator_url text, severity text)
     ), ins AS (
       INSERT INTO alerts AS a (id, service_id, incident_id, fingerprint, starts_at, ends_at, status, labels, annotations, generator_url, severity)
       SELECT gen_random_uuid(), $1, t.incident_id, t.fingerprint, t.starts_at, t.ends_at, t.status, t.labels, t.annotations,
              t.generator_url, t.severity
         FROM input t
        ORDER BY t.fingerprint, t.starts_at
       ON CONFLICT (service_id, fingerprint, starts_at) DO UPDATE
         SET last_seen_at = now(), receive_count = a.receive_count + 1
       RETURNING a.incident_id, a.fingerprint, a.starts_at, (xmax = 0) AS inserted
     )
     SELECT t.idx, ins.incident_id, ins.inserted
       FROM ins JOIN input t ON t.fingerprint = ins.fingerprint AND t.starts_at = ins.starts_at`,
    [serviceId, JSON.stringify(rows)],
  );
  return result.rows.map((r) => ({ index: r.idx, incidentId: r.incident_id, inserted: r.inserted }));
}
