import type { Queryable } from '../queryable';

export interface UnroutedAlertWrite {
  routingIntegrationId: string;
  outcome: 'dropped' | 'catch_all';
  reason: string;
  serviceId: string | null;
  fingerprint: string;
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Records alerts a routing integration dropped or sent to its catch-all (one statement). */
export async function insertUnroutedAlerts(q: Queryable, rows: readonly UnroutedAlertWrite[], receivedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO unrouted_alerts (id, routing_integration_id, received_at, outcome, reason, service_id, fingerprint, status, labels, annotations)
     SELECT gen_random_uuid(), x.routing_integration_id, $2, x.outcome, x.reason, x.service_id, x.fingerprint, x.status, x.labels, x.annotations
       FROM jsonb_to_recordset($1::jsonb) AS x(routing_integration_id uuid, outcome text, reason text, service_id uuid, fingerprint text,
                                                status text, labels jsonb, annotations jsonb)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          routing_integration_id: r.routingIntegrationId, outcome: r.outcome, reason: r.reason, service_id: r.serviceId,
          fingerprint: r.fingerprint, status: r.status, labels: r.labels, annotations: r.annotations,
        })),
      ),
      receivedAt,
    ],
  );
}

export interface UnroutedAlertRow extends Omit<UnroutedAlertWrite, 'routingIntegrationId'> {
  id: string;
  receivedAt: Date;
}

/** Newest first. */
export async function listUnroutedAlertRows(q: Queryable, routingIntegrationId: string, limit: number): Promise<UnroutedAlertRow[]> {
  const r = await q.query<{
    id: string; received_at: Date; outcome: 'dropped' | 'catch_all'; reason: string; service_id: string | null; fingerprint: string;
    status: string; labels: Record<string, string>; annotations: Record<string, string>;
  }>(
    `SELECT id, received_at, outcome, reason, service_id, fingerprint, status, labels, annotations
       FROM unrouted_alerts WHERE routing_integration_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2`,
    [routingIntegrationId, limit],
  );
  return r.rows.map((x) => ({
    id: x.id, receivedAt: x.received_at, outcome: x.outcome, reason: x.reason, serviceId: x.service_id, fingerprint: x.fingerprint,
    status: x.status, labels: x.labels, annotations: x.annotations,
  }));
}
