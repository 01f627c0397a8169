/** A heartbeat monitor as it may leave the database: never its token hash. */
export interface HeartbeatRow {
  id: string;
  serviceId: string;
  name: string;
  intervalSeconds: number;
  graceSeconds: number;
  tokenPrefix: string;
  status: 'new' | 'up' | 'late' | 'down' | 'paused';
  lastPingAt: Date | null;
  dueAt: Date | null;
  /** the open incident of the current miss, while down */
  incidentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The select list of HeartbeatRow (`h` = heartbeats). */
export const HEARTBEAT_COLUMNS = `h.id, h.service_id AS "serviceId", h.name, h.interval_seconds AS "intervalSeconds",
  h.grace_seconds AS "graceSeconds", h.token_prefix AS "tokenPrefix", h.status::text AS status,
  h.last_ping_at AS "lastPingAt", h.due_at AS "dueAt", h.incident_id AS "incidentId",
  h.created_at AS "createdAt", h.updated_at AS "updatedAt"`;
