import type { StoredOccurrence } from '@heinrich/core/ingest/decide-supersession';
import type pg from 'pg';

/** A stored occurrence of a fingerprint a batch brings a new occurrence of (core decides with it). */
export type StoredFingerprintOccurrence = StoredOccurrence;

/**
 * For each (service, fingerprint): its firing occurrences and its newest one —
 * what deciding "supersede or stale" needs (core/ingest/decide-supersession.ts).
 * Firing rows are locked (FOR UPDATE, in occurrence order) so that the
 * supersede that may follow sees them unchanged.
 */
export async function loadFingerprintOccurrences(
  client: pg.PoolClient,
  keys: { serviceId: string; fingerprint: string }[],
): Promise<StoredFingerprintOccurrence[]> {
  if (keys.length === 0) return [];
  const r = await client.query<{
    id: string;
    service_id: string;
    fingerprint: string;
    starts_at: Date;
    status: StoredFingerprintOccurrence['status'];
    incident_id: string;
    incident_number: number;
    labels: Record<string, string>;
  }>(
    `WITH input AS (
       SELECT DISTINCT * FROM jsonb_to_recordset($1::jsonb) AS t(service_id uuid, fingerprint text)
     ), firing AS (
       SELECT a.id FROM alerts a JOIN input k ON a.service_id = k.service_id AND a.fingerprint = k.fingerprint
        WHERE a.status = 'firing'
        ORDER BY a.service_id, a.fingerprint, a.starts_at
          FOR UPDATE OF a
     ), newest AS (
       SELECT (SELECT a.id FROM alerts a WHERE a.service_id = k.service_id AND a.fingerprint = k.fingerprint
                ORDER BY a.starts_at DESC LIMIT 1) AS id
         FROM input k
     )
     SELECT a.id, a.service_id, a.fingerprint, a.starts_at, a.status, a.incident_id, i.number AS incident_number, a.labels
       FROM alerts a JOIN incidents i ON i.id = a.incident_id
      WHERE a.id IN (SELECT id FROM firing UNION SELECT id FROM newest WHERE id IS NOT NULL)
      ORDER BY a.service_id, a.fingerprint, a.starts_at`,
    [JSON.stringify(keys.map((k) => ({ service_id: k.serviceId, fingerprint: k.fingerprint })))],
  );
  return r.rows.map((row) => ({
    alertId: row.id,
    serviceId: row.service_id,
    fingerprint: row.fingerprint,
    startsAt: row.starts_at,
    status: row.status,
    incidentId: row.incident_id,
    incidentNumber: row.incident_number,
    labels: row.labels,
  }));
}
