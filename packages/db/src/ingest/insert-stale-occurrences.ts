import type pg from 'pg';
import { byOccurrence, type BatchAlert } from './batch-alert';

/**
 * Occurrences older than one already known for their fingerprint (a replayed
 * notification, an HA peer far behind): stored as `stale`, under the incident
 * of the newer occurrence, so they are visible and counted, but they never
 * fire, open or re-open anything. A re-send of one only counts the copy.
 */
export async function insertStaleOccurrences(client: pg.PoolClient, stale: (BatchAlert & { incidentId: string })[]): Promise<void> {
  if (stale.length === 0) return;
  const rows = [...stale].sort(byOccurrence).map(({ serviceId, alert: a, copies, incidentId }) => ({
    service_id: serviceId,
    incident_id: incidentId,
    copies,
    fingerprint: a.fingerprint,
    starts_at: a.startsAt,
    ends_at: a.endsAt,
    labels: a.labels,
    annotations: a.annotations,
    generator_url: a.generatorUrl,
    severity: a.severity,
  }));
  await client.query(
    `INSERT INTO alerts AS a (id, service_id, incident_id, fingerprint, starts_at, ends_at, status, labels, annotations,
                              generator_url, severity, receive_count, dedup_count)
     SELECT gen_random_uuid(), t.service_id, t.incident_id, t.fingerprint, t.starts_at, COALESCE(t.ends_at, now()), 'stale',
            t.labels, t.annotations, t.generator_url, t.severity, t.copies, t.copies - 1
       FROM jsonb_to_recordset($1::jsonb) AS t(service_id uuid, incident_id uuid, copies int, fingerprint text,
            starts_at timestamptz, ends_at timestamptz, labels jsonb, annotations jsonb, generator_url text, severity text)
     ON CONFLICT (service_id, fingerprint, starts_at) DO UPDATE
       SET last_seen_at = now(), receive_count = a.receive_count + excluded.receive_count,
           dedup_count = a.dedup_count + excluded.receive_count`,
    [JSON.stringify(rows)],
  );
}
