import type pg from 'pg';

/** The channel the worker LISTENs on: a NOTIFY is delivered only when the transaction commits. */
export const DELIVERIES_CHANNEL = 'heinrich_deliveries';

export interface NewDelivery {
  notificationId: string;
  contactMethodId: string;
  channel: string;
  target: string;
  ruleId: string | null;
  dueAt: Date;
}

/** A delivery written: what adding its job needs. */
export interface InsertedDelivery {
  id: string;
  channel: string;
  dueAt: Date;
}

/**
 * Writes deliveries (status queued) ON CONFLICT DO NOTHING on the unique
 * (notification_id, contact_method_id): at most one send per page and contact
 * method, however often it is planned. NOTIFY (unless `notify: false`: the
 * caller's commit wakes the dispatcher anyway, or it is the dispatcher) wakes
 * the dispatcher after commit. Returns the rows written.
 */
export async function insertDeliveries(client: pg.PoolClient, deliveries: NewDelivery[], at: Date, opts: { notify?: boolean } = {}): Promise<InsertedDelivery[]> {
  if (deliveries.length === 0) return [];
  const r = await client.query<InsertedDelivery>(
    `INSERT INTO deliveries (id, notification_id, contact_method_id, channel, target, rule_id, due_at, history, created_at, updated_at)
     SELECT gen_random_uuid(), t.notification_id, t.contact_method_id, t.channel, t.target, t.rule_id, t.due_at,
            jsonb_build_array(jsonb_build_object('status', 'queued', 'at', $2::timestamptz)), $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS t(notification_id uuid, contact_method_id uuid, channel text, target text, rule_id uuid, due_at timestamptz)
     ON CONFLICT (notification_id, contact_method_id) DO NOTHING
     RETURNING id, channel, due_at AS "dueAt"`,
    [
      JSON.stringify(
        deliveries.map((d) => ({
          notification_id: d.notificationId,
          contact_method_id: d.contactMethodId,
          channel: d.channel,
          target: d.target,
          rule_id: d.ruleId,
          due_at: d.dueAt.toISOString(),
        })),
      ),
      at,
    ],
  );
  if (r.rows.length > 0 && opts.notify !== false) await client.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  return r.rows;
}

/**
 * Cancels queued deliveries of incidents no longer triggered (acknowledged or
 * resolved, by whichever path; not test pages, written resolved), so the delivery log shows it; the claim checks
 * the same before every send. Returns how many.
 */
export async function cancelDeliveriesOfStoppedIncidents(client: pg.PoolClient, at: Date): Promise<number> {
  const r = await client.query(
    `UPDATE deliveries d SET status = 'cancelled', updated_at = $1,
            history = d.history || jsonb_build_array(jsonb_build_object('status', 'cancelled', 'at', $1::timestamptz, 'error', 'incident ' || i.status))
       FROM notifications n JOIN incidents i ON i.id = n.incident_id
      WHERE d.notification_id = n.id AND d.status = 'queued' AND i.status <> 'triggered' AND NOT i.is_test`,
    [at],
  );
  return r.rowCount ?? 0;
}
