import type { Queryable } from '../queryable';

export interface HeartbeatGaugeRow {
  service: string;
  heartbeat: string;
  status: 'new' | 'up' | 'late' | 'down' | 'paused';
  intervalSeconds: number;
  graceSeconds: number;
  lastPingAt: Date | null;
}

/** Every heartbeat with its service's name: what the heartbeat gauges show (one small query per scrape). */
export async function selectHeartbeatGauges(q: Queryable): Promise<HeartbeatGaugeRow[]> {
  const r = await q.query<HeartbeatGaugeRow>(
    `SELECT s.name AS service, h.name AS heartbeat, h.status::text AS status, h.interval_seconds AS "intervalSeconds",
            h.grace_seconds AS "graceSeconds", h.last_ping_at AS "lastPingAt"
       FROM heartbeats h JOIN services s ON s.id = h.service_id
      ORDER BY s.name, h.name`,
  );
  return r.rows;
}
