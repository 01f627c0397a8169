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
  /** a test page (incidents.is_test): sent while its incident is resolved, never falls back to another method */
  isTest: boolean;
}

const SELECT = `
  SELECT d.id, d.notification_id AS "notificationId", d.contact_method_id AS "contactMethodId", d.channel, d.target,
         d.status, d.due_at AS "dueAt", d.attempts, cm.signing_secret AS "signingSecret",
         i.id AS "incidentId", i.number AS "incidentNumber", COALESCE(st.title, i.title) AS title, i.status AS "incidentStatus",
         s.id AS "serviceId", s.name AS "serviceName", COALESCE(e.urgency, 'high') AS urgency,
         u.id AS "userId", u.name AS "userName", n.cycle, n.step, n.allow_voice AS "allowVoice",
         i.is_test AS "isTest"
    FROM deliveries d
    JOIN notifications n ON n.id = d.notification_id
    JOIN incidents i ON i.id = n.incident_id
    JOIN services s ON s.id = i.service_id
    JOIN users u ON u.id = n.user_id
    LEFT JOIN incident_escalations e ON e.incident_id = i.id
    -- the incident that started a storm pages as the storm page (docs/noise.md "Storm mode")
    LEFT JOIN storms st ON st.started_by_incident_id = i.id
    LEFT JOIN contact_methods cm ON cm.id = d.contact_method_id`;

/** What a job's claim found. */
export type DeliveryClaim =
  /** this job sends it now, under a lease until `leaseUntil` */
  | { status: 'claimed'; row: DeliveryRow; leaseUntil: Date }
  /** another claim's lease is live (its worker may still be sending): come back after `leaseUntil` */
  | { status: 'held'; leaseUntil: Date }
  /** nothing for this job: sent, cancelled, failed, or moved to another due time (another job's) */
  | { status: 'none' };

/**
 * Claims a delivery for sending (status sending, attempts + 1, a lease until
 * `at + leaseMs`), only while it is due at exactly `dueAt` (a job for an older
 * due time finds nothing), its incident still triggered (a test page's is
 * written resolved: it is sent anyway), and it is queued or
 * its last claim's lease has expired (the worker sending it died: this job takes
 * over; the row lock makes one taker). A live lease of another claim is `held`:
 * the job must come back after it, not complete (a stalled job re-run after its
 * worker was killed). One statement (claim and the row with what sending needs),
 * so no transaction: on the hot path of every page.
 */
export async function claimDelivery(client: pg.Pool | pg.PoolClient, id: string, dueAt: Date, at: Date, leaseMs: number): Promise<DeliveryClaim> {
  const r = await client.query<DeliveryRow & { leaseUntil: Date }>(
    `WITH claimed AS (
       UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = $3,
              lease_until = $3::timestamptz + $4::int * interval '1 millisecond',
              history = d.history || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('status', 'sending', 'at', $3::timestamptz, 'attempt', d.attempts + 1,
                          'error', CASE WHEN d.status = 'sending' THEN 'lease expired: taken over from the worker sending it' END)))
         FROM notifications n JOIN incidents i ON i.id = n.incident_id
        WHERE d.id = $1 AND d.due_at = $2 AND n.id = d.notification_id AND (i.status = 'triggered' OR i.is_test)
          AND (d.status = 'queued' OR (d.status = 'sending' AND d.lease_until < $3::timestamptz))
        RETURNING d.*)
     ${SELECT.replace('FROM deliveries d', 'FROM claimed d').replace('SELECT d.id,', 'SELECT d.lease_until AS "leaseUntil", d.id,')}`,
    [id, dueAt, at, leaseMs],
  );
  const row = r.rows[0];
  if (row) return { status: 'claimed', row, leaseUntil: row.leaseUntil };
  const held = await client.query<{ leaseUntil: Date }>(
    `SELECT d.lease_until AS "leaseUntil" FROM deliveries d
      WHERE d.id = $1 AND d.due_at = $2 AND d.status = 'sending' AND d.lease_until >= $3::timestamptz`,
    [id, dueAt, at],
  );
  if (held.rows[0]) return { status: 'held', leaseUntil: held.rows[0].leaseUntil };
  // acknowledged or resolved, by whichever path: nothing more goes out (invariant 3), and the log says why
  await client.query(
    `UPDATE deliveries d SET status = 'cancelled', updated_at = $2,
            history = d.history || jsonb_build_array(jsonb_build_object('status', 'cancelled', 'at', $2::timestamptz, 'error', 'incident ' || i.status))
       FROM notifications n JOIN incidents i ON i.id = n.incident_id
      WHERE d.id = $1 AND n.id = d.notification_id AND d.status = 'queued' AND i.status <> 'triggered' AND NOT i.is_test`,
    [id, at],
  );
  return { status: 'none' };
}

export async function loadDelivery(client: pg.PoolClient, id: string): Promise<DeliveryRow | undefined> {
  const r = await client.query<DeliveryRow>(`${SELECT} WHERE d.id = $1`, [id]);
  return r.rows[0];
}

/**
 * Records a delivery's new status (with error or provider id) in its row and
 * history; the lease ends. `onlyFrom`: change it only while its status is one
 * of these; `attempt`: only while this is still its latest claim (a send that
 * outlived its lease must not overwrite the attempt that took over). Returns
 * false when it was not changed.
 */
export async function setDeliveryStatus(
  client: pg.PoolClient,
  id: string,
  change: { status: string; at: Date; error?: string | null; providerId?: string | null; dueAt?: Date; onlyFrom?: string[]; attempt?: number },
): Promise<boolean> {
  const r = await client.query(
    `UPDATE deliveries SET status = $2::delivery_status, updated_at = $3, error = COALESCE($4, error), provider_id = COALESCE($5, provider_id),
            due_at = COALESCE($6, due_at), enqueued_at = CASE WHEN $6::timestamptz IS NULL THEN enqueued_at ELSE NULL END, lease_until = NULL,
            history = history || jsonb_strip_nulls(jsonb_build_array(jsonb_build_object('status', $2::text, 'at', $3::timestamptz, 'error', $4::text, 'providerId', $5::text)))
      WHERE id = $1 AND ($7::text[] IS NULL OR status::text = ANY($7::text[])) AND ($8::int IS NULL OR attempts = $8::int)`,
    [id, change.status, change.at, change.error ?? null, change.providerId ?? null, change.dueAt ?? null, change.onlyFrom ?? null, change.attempt ?? null],
  );
  return (r.rowCount ?? 0) > 0;
}
