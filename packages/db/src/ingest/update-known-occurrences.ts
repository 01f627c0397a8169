import type pg from 'pg';
import type { BatchAlert } from './batch-alert';

export interface KnownOccurrence {
  /** BatchAlert.index */
  index: number;
  incidentId: string;
  incidentNumber: number;
  /** the incident's truncated_alerts before this delivery */
  truncatedAlerts: number;
  /** it was firing and this delivery resolved it */
  becameResolved: boolean;
  /** ms since a person resolved its incident while it fired (the database's clock), or null */
  resolvedByHandMsAgo: number | null;
}

/**
 * Re-sends of occurrences we already hold: bump last-seen and the counter (by
 * the number of copies), take the newest annotations, and move firing ->
 * resolved (never back: a late retry of an old firing notification must not
 * un-resolve; superseded and stale occurrences stay so). One statement for the whole batch; rows are locked in
 * (service, fingerprint, startsAt) order, the same order insertFreshOccurrences
 * uses, so overlapping batches cannot deadlock.
 */
export async function updateKnownOccurrences(client: pg.PoolClient, alerts: BatchAlert[]): Promise<KnownOccurrence[]> {
  if (alerts.length === 0) return [];
  const rows = alerts.map(({ index, serviceId, alert: a, copies }) => ({
    idx: index,
    service_id: serviceId,
    copies,
    fingerprint: a.fingerprint,
    starts_at: a.startsAt,
    status: a.status,
    ends_at: a.endsAt,
    annotations: a.annotations,
  }));
  const result = await client.query<{
    idx: number;
    incident_id: string;
    incident_number: number;
    truncated_alerts: number;
    became_resolved: boolean;
    resolved_by_hand_ms_ago: number | null;
  }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(idx int, service_id uuid, copies int, fingerprint text,
              starts_at timestamptz, status alert_status, ends_at timestamptz, annotations jsonb)
     ), old AS (
       SELECT a.id, a.status AS old_status, i.idx, i.copies, i.status, i.ends_at, i.annotations
         FROM alerts a JOIN input i ON a.service_id = i.service_id AND a.fingerprint = i.fingerprint AND a.starts_at = i.starts_at
        ORDER BY a.service_id, a.fingerprint, a.starts_at
          FOR UPDATE OF a
     )
     UPDATE alerts a SET
       last_seen_at = now(),
       receive_count = a.receive_count + o.copies,
       -- insights' "deduplicated": every copy but the one that resolved a firing occurrence changed nothing
       dedup_count = a.dedup_count + o.copies - CASE WHEN o.old_status = 'firing' AND o.status = 'resolved' THEN 1 ELSE 0 END,
       -- a resolve posted through Alertmanager's API may carry no annotations
       annotations = CASE WHEN o.annotations = '{}'::jsonb THEN a.annotations ELSE o.annotations END,
       -- only a firing occurrence changes: resolved, superseded and stale ones stay as they are
       status = CASE WHEN o.old_status <> 'firing' THEN o.old_status ELSE o.status END,
       ends_at = CASE WHEN o.old_status <> 'firing' THEN a.ends_at
                      WHEN o.status = 'resolved' THEN COALESCE(o.ends_at, now()) ELSE NULL END
     FROM old o, incidents i
     WHERE a.id = o.id AND i.id = a.incident_id
     RETURNING o.idx, a.incident_id, i.number AS incident_number, i.truncated_alerts,
               (o.old_status = 'firing' AND o.status = 'resolved') AS became_resolved,
               (extract(epoch FROM now() - a.resolved_by_hand_at) * 1000)::float8 AS resolved_by_hand_ms_ago`,
    [JSON.stringify(rows)],
  );
  return result.rows.map((r) => ({
    index: r.idx,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    truncatedAlerts: r.truncated_alerts,
    becameResolved: r.became_resolved,
    resolvedByHandMsAgo: r.resolved_by_hand_ms_ago,
  }));
}
