import type { Queryable } from '../queryable';
import { MAINTENANCE_WINDOW_COLUMNS, type MaintenanceWindowRow } from './maintenance-window-row';

/**
 * Windows whose starts and ends may be due for an announcement at `now`
 * (announce on, started, not ended before `now - lookbackMs`); which
 * stretch boundaries are due is core's (dueMaintenanceAnnouncements).
 */
export async function selectAnnouncingWindows(q: Queryable, now: Date, lookbackMs: number, limit = 500): Promise<MaintenanceWindowRow[]> {
  const r = await q.query<MaintenanceWindowRow>(
    `SELECT ${MAINTENANCE_WINDOW_COLUMNS} FROM maintenance_windows m
      WHERE m.announce AND m.starts_at <= $1
        AND (m.ends_at IS NULL OR m.ends_at > $1::timestamptz - $2 * interval '1 millisecond')
      ORDER BY m.starts_at, m.id
      LIMIT $3`,
    [now, lookbackMs, limit],
  );
  return r.rows;
}

/** A Slack channel named by a step of the policy of one of these services (`{"type": "slackChannel", "id"}` targets). */
export interface ServiceSlackChannel {
  channel: string;
  serviceId: string;
  serviceName: string;
}

export async function listServiceSlackChannels(q: Queryable, serviceIds: readonly string[]): Promise<ServiceSlackChannel[]> {
  if (serviceIds.length === 0) return [];
  const r = await q.query<ServiceSlackChannel>(
    `SELECT DISTINCT t.value->>'id' AS channel, s.id::text AS "serviceId", s.name AS "serviceName"
       FROM services s
       JOIN escalation_policies p ON p.id = s.escalation_policy_id
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p.steps) = 'array' THEN p.steps ELSE '[]'::jsonb END) AS st(value)
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(st.value->'targets') = 'array' THEN st.value->'targets' ELSE '[]'::jsonb END) AS t(value)
      WHERE s.id = ANY ($1::uuid[]) AND t.value->>'type' = 'slackChannel' AND COALESCE(t.value->>'id', '') <> ''
      ORDER BY 1, 3`,
    [serviceIds],
  );
  return r.rows;
}

/**
 * Incidents the window held that opened in [from, to) and still fire, by
 * service: triggered with a firing alert, not released without a page.
 * These are the ones its end pages (through storm detection).
 */
export async function countStillFiringHeld(q: Queryable, windowId: string, from: Date, to: Date): Promise<Map<string, number>> {
  const r = await q.query<{ serviceId: string; n: number }>(
    `SELECT i.service_id::text AS "serviceId", count(*)::int AS n FROM incidents i
      WHERE i.maintenance_window_id = $1 AND i.created_at >= $2 AND i.created_at < $3
        AND i.status = 'triggered' AND (i.maintenance_release IS NULL OR i.maintenance_release = 'paged')
        AND EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing')
      GROUP BY i.service_id`,
    [windowId, from, to],
  );
  return new Map(r.rows.map((row) => [row.serviceId, row.n]));
}

export interface NewMaintenanceAnnouncement {
  windowId: string;
  occurrenceStart: Date;
  kind: 'started' | 'ended';
  channel: string;
  dueAt: Date;
  data: Record<string, unknown>;
}

/** Writes the announcements not written before (UNIQUE per window, stretch, kind and channel); returns how many were new. */
export async function insertMaintenanceAnnouncements(q: Queryable, rows: readonly NewMaintenanceAnnouncement[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await q.query(
    `INSERT INTO maintenance_announcements (id, window_id, occurrence_start, kind, channel, due_at, data, next_attempt_at, created_at)
     SELECT gen_random_uuid(), a.window_id, a.occurrence_start, a.kind, a.channel, a.due_at, a.data, $7, $7
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
            AS a(window_id, occurrence_start, kind, channel, due_at, data)
     ON CONFLICT (window_id, occurrence_start, kind, channel) DO NOTHING`,
    [
      rows.map((a) => a.windowId),
      rows.map((a) => a.occurrenceStart),
      rows.map((a) => a.kind),
      rows.map((a) => a.channel),
      rows.map((a) => a.dueAt),
      rows.map((a) => JSON.stringify(a.data)),
      now,
    ],
  );
  return r.rowCount ?? 0;
}

/** Which (stretch, kind) of a window already have their announcements written (the planner writes each once). */
export async function announcedMoments(q: Queryable, windowId: string): Promise<Set<string>> {
  const r = await q.query<{ key: string }>(
    `SELECT DISTINCT (extract(epoch FROM occurrence_start) * 1000)::bigint::text || ':' || kind AS key FROM maintenance_announcements WHERE window_id = $1`,
    [windowId],
  );
  return new Set(r.rows.map((row) => row.key));
}

/** An announcement claimed for posting. */
export interface MaintenanceAnnouncementRow {
  id: string;
  windowId: string;
  kind: 'started' | 'ended';
  channel: string;
  dueAt: Date;
  data: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims due announcements for `leaseMs` (a duplicate pass or a second
 * worker finds them claimed: one post per row). Oldest first, and only the
 * earliest pending one of a window in a channel, so a channel never reads
 * "ended" before "started".
 */
export async function claimMaintenanceAnnouncements(q: Queryable, now: Date, leaseMs: number, limit: number): Promise<MaintenanceAnnouncementRow[]> {
  const r = await q.query<MaintenanceAnnouncementRow>(
    `UPDATE maintenance_announcements a SET claimed_until = $1::timestamptz + $2 * interval '1 millisecond'
      WHERE a.id IN (
        SELECT c.id FROM maintenance_announcements c
         WHERE c.status = 'pending' AND c.next_attempt_at <= $1 AND (c.claimed_until IS NULL OR c.claimed_until <= $1)
           AND NOT EXISTS (
             SELECT 1 FROM maintenance_announcements e
              WHERE e.window_id = c.window_id AND e.channel = c.channel AND e.status = 'pending' AND e.due_at < c.due_at)
         ORDER BY c.due_at, c.id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
        AND (a.claimed_until IS NULL OR a.claimed_until <= $1)
      RETURNING a.id, a.window_id AS "windowId", a.kind, a.channel, a.due_at AS "dueAt", a.data, a.attempts`,
    [now, leaseMs, limit],
  );
  return r.rows.sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
}

export async function markAnnouncementPosted(q: Queryable, id: string, ts: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE maintenance_announcements SET status = 'posted', ts = $2, posted_at = $3, attempts = attempts + 1, error = NULL, claimed_until = NULL WHERE id = $1`,
    [id, ts, at],
  );
}

/** Not posted this time: tried again at `retryAt` (backoff or Retry-After). `counted` false: not attempted (Slack paused the pass first). */
export async function markAnnouncementRetry(q: Queryable, id: string, error: string, retryAt: Date, counted = true): Promise<void> {
  await q.query(
    `UPDATE maintenance_announcements SET attempts = attempts + $4, error = $2, next_attempt_at = $3, claimed_until = NULL WHERE id = $1`,
    [id, error, retryAt, counted ? 1 : 0],
  );
}

/** Slack refuses it for good (channel_not_found, not_in_channel, ...). */
export async function markAnnouncementFailed(q: Queryable, id: string, error: string): Promise<void> {
  await q.query(`UPDATE maintenance_announcements SET status = 'failed', attempts = attempts + 1, error = $2, claimed_until = NULL WHERE id = $1`, [id, error]);
}
