import type pg from 'pg';

export interface CallContext {
  deliveryId: string;
  channel: string;
  deliveryStatus: string;
  userId: string;
  userName: string;
  incidentId: string;
  incidentNumber: number;
  title: string;
  incidentStatus: string;
  serviceName: string;
  alertCount: number;
}

/** What a call (or an SMS page) says about its delivery's incident, as it is now. */
export async function loadCallContext(client: pg.PoolClient | pg.Pool, deliveryId: string): Promise<CallContext | undefined> {
  const r = await client.query<CallContext>(
    `SELECT d.id AS "deliveryId", d.channel, d.status::text AS "deliveryStatus", n.user_id AS "userId", u.name AS "userName",
            i.id AS "incidentId", i.number AS "incidentNumber", i.title, i.status::text AS "incidentStatus", s.name AS "serviceName",
            (SELECT COUNT(*)::int FROM alerts a WHERE a.incident_id = i.id) AS "alertCount"
       FROM deliveries d
       JOIN notifications n ON n.id = d.notification_id
       JOIN users u ON u.id = n.user_id
       JOIN incidents i ON i.id = n.incident_id
       JOIN services s ON s.id = i.service_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  return r.rows[0];
}
