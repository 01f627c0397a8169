import { shownHeartbeatStatus, type HeartbeatStatus } from './heartbeat-timing';

export const HEARTBEAT_STATUSES: readonly HeartbeatStatus[] = ['new', 'up', 'late', 'down', 'paused'];

export interface HeartbeatGaugeInput {
  service: string;
  heartbeat: string;
  status: HeartbeatStatus;
  intervalSeconds: number;
  graceSeconds: number;
  lastPingAt: Date | null;
}

export interface HeartbeatGaugeSamples {
  /** heinrich_heartbeat_last_ping_timestamp_seconds: only heartbeats pinged at least once */
  lastPing: { labels: { service: string; heartbeat: string }; value: number }[];
  /** heinrich_heartbeat_status: 1 for the status shown (late derived as the API does), 0 for the others */
  status: { labels: { service: string; heartbeat: string; status: HeartbeatStatus }; value: 0 | 1 }[];
}

/**
 * The heartbeat gauges from the stored rows as of `now`: computed from
 * Postgres on every scrape, so every replica shows the same values (a
 * dashboard or alert rule may take max by (service, heartbeat)).
 */
export function heartbeatGaugeSamples(rows: readonly HeartbeatGaugeInput[], now: Date): HeartbeatGaugeSamples {
  const out: HeartbeatGaugeSamples = { lastPing: [], status: [] };
  for (const row of rows) {
    const labels = { service: row.service, heartbeat: row.heartbeat };
    if (row.lastPingAt) out.lastPing.push({ labels, value: row.lastPingAt.getTime() / 1000 });
    const shown = shownHeartbeatStatus(row, now);
    for (const status of HEARTBEAT_STATUSES) out.status.push({ labels: { ...labels, status }, value: status === shown ? 1 : 0 });
  }
  return out;
}
