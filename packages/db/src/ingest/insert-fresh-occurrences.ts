import type { AlertGroup } from '@heinrich/core/incoming-alert';
import type pg from 'pg';
import { RetryTransaction } from '../with-transaction';
import { byOccurrence, type BatchAlert } from './batch-alert';

export interface FreshOccurrence {
  /** BatchAlert.index */
  index: number;
  incidentId: string;
  incidentNumber: number;
  /** the incident's truncated_alerts before this delivery */
  truncatedAlerts: number;
  /** false when the row already existed (then it was only touched as a re-send); true for a re-fire moved here */
  inserted: boolean;
}

export interface GroupIncident {
  id: string;
  number: number;
  /** this statement opened it */
  opened: boolean;
}

/**
 * Occurrences seen for the first time, each into its group's open incident,
 * opening the incidents that are missing — in ONE statement for the batch.
 *
 * Correct only while the caller holds the advisory locks of these groups (see
 * withTransaction's `locks`): then nobody else can open the same group's
 * incident between this statement's snapshot and its insert. The unique index
 * on (service_id, open_group_key) still guards it; if it ever fires, the group
 * comes back without an incident and the transaction is retried.
 */
export async function insertFreshOccurrences(
  client: pg.PoolClient,
  fresh: BatchAlert[],
  /** indexes of stored occurrences resolved by hand that fire again: moved into their group's open incident, firing */
  refires: ReadonlySet<number> = new Set(),
): Promise<{ occurrences: FreshOccurrence[]; incidents: Map<string, GroupIncident> }> {
  const groups = new Map<string, AlertGroup & { serviceId: string; severity: string | null; suppressed: unknown }>();
  for (const { serviceId, alert, rules } of fresh) {
    const key = `${serviceId}:${alert.group.keyHash}`;
    // a suppressed alert's group holds only suppressed alerts (core suppressedGroup): its incident is suppressed
    if (!groups.has(key)) groups.set(key, { ...alert.group, serviceId, severity: alert.severity, suppressed: rules?.suppressed ?? null });
  }
  const groupRows = [...groups.values()]
    .sort((a, b) => (a.serviceId + a.keyHash < b.serviceId + b.keyHash ? -1 : 1))
    .map((g) => ({ service_id: g.serviceId, hash: g.keyHash, key: g.key, labels: g.labels, title: g.title, severity: g.severity, suppressed: g.suppressed }));
  const alertRows = [...fresh].sort(byOccurrence).map(({ index, serviceId, alert: a, copies, rules }) => ({
    idx: index,
    service_id: serviceId,
    // a re-fire's copies were counted by updateKnownOccurrences
    copies: refires.has(index) ? 0 : copies,
    refire: refires.has(index),
    hash: a.group.keyHash,
    fingerprint: a.fingerprint,
    starts_at: a.startsAt,
    ends_at: a.endsAt,
    status: a.status,
    labels: a.labels,
    annotations: a.annotations,
    generator_url: a.generatorUrl,
    severity: a.severity,
    alert_rules: rules ?? null,
  }));
  const result = await client.query<{
    idx: number;
    incident_id: string | null;
    incident_number: number;
    truncated_alerts: number;
    opened: boolean;
    inserted: boolean;
  }>(
    `WITH grp AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(service_id uuid, hash text, key text, labels jsonb, title text, severity text, suppressed jsonb)
     ), existing AS (
       SELECT i.id, i.number, i.truncated_alerts, i.service_id, i.open_group_key AS hash
         FROM incidents i JOIN grp g ON i.service_id = g.service_id AND i.open_group_key = g.hash
     ), opened AS (
       INSERT INTO incidents (id, service_id, group_key_hash, open_group_key, group_key, group_labels, title, severity, suppressed_by, updated_at)
       SELECT gen_random_uuid(), g.service_id, g.hash, g.hash, g.key, g.labels, g.title, g.severity, g.suppressed, now()
         FROM grp g
        WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.service_id = g.service_id AND e.hash = g.hash)
       ON CONFLICT (service_id, open_group_key) DO NOTHING
       RETURNING id, number, truncated_alerts, service_id, open_group_key AS hash
     ), incident AS (
       SELECT id, number, truncated_alerts, service_id, hash, false AS opened FROM existing
       UNION ALL
       SELECT id, number, truncated_alerts, service_id, hash, true AS opened FROM opened
     ), input AS (
       SELECT t.*, i.id AS incident_id, i.number AS incident_number, i.truncated_alerts, i.opened
         FROM jsonb_to_recordset($2::jsonb) AS t(idx int, service_id uuid, copies int, refire boolean, hash text, fingerprint text,
              starts_at timestamptz, ends_at timestamptz, status alert_status, labels jsonb, annotations jsonb,
              generator_url text, severity text, alert_rules jsonb)
         LEFT JOIN incident i ON i.service_id = t.service_id AND i.hash = t.hash
     ), ins AS (
       INSERT INTO alerts AS a (id, service_id, incident_id, fingerprint, starts_at, ends_at, status, labels, annotations,
                                generator_url, severity, receive_count, alert_rules, dedup_count)
       SELECT gen_random_uuid(), t.service_id, t.incident_id, t.fingerprint, t.starts_at, t.ends_at, t.status, t.labels,
              t.annotations, t.generator_url, t.severity, t.copies, t.alert_rules, t.copies - 1
         FROM input t
        WHERE t.incident_id IS NOT NULL
        ORDER BY t.service_id, t.fingerprint, t.starts_at
       ON CONFLICT (service_id, fingerprint, starts_at) DO UPDATE
         SET last_seen_at = now(), receive_count = a.receive_count + excluded.receive_count,
             -- copies of a row not resolved by hand changed nothing; a re-fire after a manual resolve: all but one
             dedup_count = a.dedup_count + excluded.dedup_count + CASE WHEN a.resolved_by_hand_at IS NULL THEN 1 ELSE 0 END,
             -- only a re-fire after a manual resolve reaches a row resolved by hand: it fires again, here
             incident_id = CASE WHEN a.resolved_by_hand_at IS NULL THEN a.incident_id ELSE excluded.incident_id END,
             status = CASE WHEN a.resolved_by_hand_at IS NULL THEN a.status ELSE 'firing'::alert_status END,
             ends_at = CASE WHEN a.resolved_by_hand_at IS NULL THEN a.ends_at END,
             resolved_by_hand_at = NULL
       RETURNING a.service_id, a.fingerprint, a.starts_at, (xmax = 0) AS inserted
     )
     SELECT t.idx, t.incident_id, t.incident_number, t.truncated_alerts, t.opened,
            (ins.fingerprint IS NOT NULL AND (ins.inserted OR t.refire)) AS inserted
       FROM input t
       LEFT JOIN ins ON ins.service_id = t.service_id AND ins.fingerprint = t.fingerprint AND ins.starts_at = t.starts_at`,
    [JSON.stringify(groupRows), JSON.stringify(alertRows)],
  );
  if (result.rows.some((r) => r.incident_id === null)) throw new RetryTransaction('a group came back without an open incident');
  const incidents = new Map<string, GroupIncident>();
  for (const r of result.rows) incidents.set(r.incident_id!, { id: r.incident_id!, number: r.incident_number, opened: r.opened });
  return {
    incidents,
    occurrences: result.rows.map((r) => ({
      index: r.idx,
      incidentId: r.incident_id!,
      incidentNumber: r.incident_number,
      truncatedAlerts: r.truncated_alerts,
      inserted: r.inserted,
    })),
  };
}
