import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

export interface InsightIncident {
  serviceId: string;
  /** the alertname: the noise table's key */
  key: string;
  /** the alert group (recurring); default one of its own */
  group?: string;
  at: string;
  urgency?: 'high' | 'low';
  /** paged this user 5 s after opening (a notification and a `notified` event) */
  paged?: string;
  /** resolved by its alerts this many seconds after opening */
  resolveAfter: number;
  dedup?: number;
}

/**
 * One past incident of an insights history as rows (as test/insights does: the
 * real paths stamp the database's now(), so a history at chosen instants cannot
 * be built through them): the incident, its alert, its escalation (urgency),
 * the page, and the timeline events the insights read.
 */
export async function seedInsightIncident(pool: Pool, s: InsightIncident): Promise<string> {
  const q = (sql: string, params: unknown[]) => pool.query(sql, params);
  const id = randomUUID();
  await q(
    `INSERT INTO incidents (id, service_id, group_key_hash, group_key, title, status, created_at, updated_at, resolved_at, resolved_by)
     VALUES ($1, $2, md5($3), $3, $4, 'resolved', $5, $5, $6, 'system')`,
    [id, s.serviceId, s.group ?? id, `${s.key} on the nightly box`, new Date(s.at), plus(s.at, s.resolveAfter)],
  );
  await q(
    `INSERT INTO alerts (id, service_id, incident_id, fingerprint, starts_at, status, labels, dedup_count, first_seen_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'firing', $5, $6, $4)`,
    [s.serviceId, id, `fp-${id}`, new Date(s.at), JSON.stringify({ alertname: s.key }), s.dedup ?? 0],
  );
  await q(`INSERT INTO incident_escalations (incident_id, policy, urgency, status) VALUES ($1, '{}', $2, 'stopped')`, [id, s.urgency ?? 'high']);
  const events: [string, Date, object][] = [['opened', new Date(s.at), {}]];
  if (s.paged) {
    events.push(['notified', plus(s.at, 5), { userId: s.paged, step: 0, cycle: 0 }]);
    await q(`INSERT INTO notifications (id, incident_id, user_id, cycle, step, status, created_at) VALUES (gen_random_uuid(), $1, $2, 0, 0, 'sent', $3)`, [id, s.paged, plus(s.at, 5)]);
  }
  events.push(['resolved', plus(s.at, s.resolveAfter), {}]);
  for (const [type, at, data] of events) {
    await q(`INSERT INTO incident_events (id, incident_id, type, message, actor, data, created_at) VALUES (gen_random_uuid(), $1, $2, $2, 'system', $3, $4)`, [id, type, JSON.stringify(data), at]);
  }
  return id;
}
