import type pg from 'pg';

/** A delivery with what sending it needs: the page, the person, the incident. */
export interface DeliveryRow {
  id: string;
  notificationId: string;
  contactMethodId: string | null;
  channel: string;
  target: string;
  status: string;
  dueAt: Date;
  attempts: number;
  signingSecret: string | null;
  incidentId: string;
  incidentNumber: number;
  title: string;
  incidentStatus: string;
  serviceId: string;
  serviceName: string;
  urgency: string;
  userId: string;
  userName: string;
  cycle: number;
  step: number;
  allowVoice: boolean;
}

const SELECT = `
  SELECT d.id, d.notification_id AS "notificationId", d.contact_method_id AS "contactMethodId", d.channel, d.target,
         d.status, d.due_at AS "dueAt", d.attempts, cm.signing_secret AS "signingSecret",
         i.id AS "incidentId", i.number AS "incidentNumber", i.title, i.status AS "incidentStatus",
         s.id AS "serviceId", s.name AS "serviceName", COALESCE(e.urgency, 'high') AS urgency,
         u.id AS "userId", u.name AS "userName", n.cycle, n.step, n.allow_voice AS "allowVoice"
    FROM deliveries d
    JOIN notifications n ON n.id = d.notification_id
    JOIN incidents i ON i.id = n.incident_id
    JOIN services s ON s.id = i.service_id
    JOIN users u ON u.id = n.user_id
    LEFT JOIN incident_escalations e ON e.incident_id = i.id
    LEFT JOIN contact_methods cm ON cm.id = d.contact_method_id`;

/**
 * Claims a queued delivery for sending (status sending, attempts + 1), only
 * while it is still queued, due at exactly `dueAt` (a job for an older due
 * time finds nothing) and its incident still triggered: a duplicate job, or
 * one of a cancelled delivery, gets undefined and sends nothing. One
 * statement (claim and the row with what sending needs), so no transaction:
 * on the hot path of every page.
 */
export async function claimDelivery(client: pg.Pool | pg.PoolClient, id: string, dueAt: Date, at: Date): Promise<DeliveryRow | undefined> {
  const r = await client.query<DeliveryRow>(
    `WITH claimed AS (
       UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = $3,
              history = d.history || jsonb_build_array(jsonb_build_object('status', 'sending', 'at', $3::timestamptz, 'attempt', d.attempts + 1))
         FROM notifications n JOIN incidents i ON i.id = n.incident_id
        WHERE d.id = $1 AND d.due_at = $2 AND n.id = d.notification_id AND i.status = 'triggered'
          -- a claim whose worker died mid-send (no outcome after 2 minutes) may be taken over: at least once, never lost
          AND (d.status = 'queued' OR (d.status = 'sending' AND d.updated_at < $3::timestamptz - interval '2 minutes'))
        RETURNING d.*)
     ${SELECT.replace('FROM deliveries d', 'FROM claimed d')}`,
    [id, dueAt, at],
  );
  if (r.rows[0]) return r.rows[0];
  // acknowledged or resolved, by whichever path: nothing more goes out (invariant 3), and the log says why
  await client.query(
    `UPDATE deliveries d SET status = 'cancelled', updated_at = $2,
            history = d.history || jsonb_build_array(jsonb_build_object('status', 'cancelled', 'at', $2::timestamptz, 'error', 'incident ' || i.status))
       FROM notifications n JOIN incidents i ON i.id = n.incident_id
      WHERE d.id = $1 AND n.id = d.notification_id AND d.status = 'queued' AND i.status <> 'triggered'`,
    [id, at],
  );
  return undefined;
}

export async function loadDelivery(client: pg.PoolClient, id: string): Promise<DeliveryRow | undefined> {
  const r = await client.query<DeliveryRow>(`${SELECT} WHERE d.id = $1`, [id]);
  return r.rows[0];
}

/**
 * Records a delivery's new status (with error or provider id) in its row and
 * history. `onlyFrom`: change it only while its status is one of these
 * (returns false when it was not).
 */
export async function setDeliveryStatus(
  client: pg.PoolClient,
  id: string,
  change: { status: string; at: Date; error?: string | null; providerId?: string | null; dueAt?: Date; onlyFrom?: string[] },
): Promise<boolean> {
  const r = await client.query(
    `UPDATE deliveries SET status = $2::delivery_status, updated_at = $3, error = COALESCE($4, error), provider_id = COALESCE($5, provider_id),
            due_at = COALESCE($6, due_at), enqueued_at = CASE WHEN $6::timestamptz IS NULL THEN enqueued_at ELSE NULL END,
            history = history || jsonb_strip_nulls(jsonb_build_array(jsonb_build_object('status', $2::text, 'at', $3::timestamptz, 'error', $4::text, 'providerId', $5::text)))
      WHERE id = $1 AND ($7::text[] IS NULL OR status::text = ANY($7::text[]))`,
    [id, change.status, change.at, change.error ?? null, change.providerId ?? null, change.dueAt ?? null, change.onlyFrom ?? null],
  );
  return (r.rowCount ?? 0) > 0;
}
