/**
 * The decisions about a heartbeat monitor: when it counts as missed, what it
 * shows, what its incident and timeline say. Pure; the API, the ping and the
 * worker's heartbeat pass load a heartbeat, ask here, and apply.
 */

export type HeartbeatStatus = 'new' | 'up' | 'late' | 'down' | 'paused';

/** The stored state a decision needs. */
export interface HeartbeatTiming {
  /** stored status: new, up, down or paused (late is only ever shown, see shownHeartbeatStatus) */
  status: HeartbeatStatus;
  intervalSeconds: number;
  graceSeconds: number;
  lastPingAt: Date | null;
}

export const MIN_HEARTBEAT_INTERVAL_SECONDS = 60;

/** When a heartbeat last pinged at `lastPingAt` counts as missed: last ping + interval + grace. */
export function heartbeatDueAt(lastPingAt: Date, intervalSeconds: number, graceSeconds: number): Date {
  return new Date(lastPingAt.getTime() + (intervalSeconds + graceSeconds) * 1000);
}

/**
 * Whether the heartbeat missed at `now`: only one that is `up` (pinged at
 * least once, not paused, not already down) and whose last ping is more than
 * interval + grace ago. A `new` heartbeat never misses before its first ping.
 */
export function isHeartbeatMissed(hb: HeartbeatTiming, now: Date): boolean {
  if (hb.status !== 'up' && hb.status !== 'late') return false;
  if (!hb.lastPingAt) return false;
  return heartbeatDueAt(hb.lastPingAt, hb.intervalSeconds, hb.graceSeconds).getTime() <= now.getTime();
}

/**
 * The status the API shows: a stored `up` whose interval has passed without a
 * ping but whose grace has not is `late`; past the grace (before the worker's
 * pass marks it `down`) it is shown `late` too, never `up`.
 */
export function shownHeartbeatStatus(hb: HeartbeatTiming, now: Date): HeartbeatStatus {
  if (hb.status !== 'up' || !hb.lastPingAt) return hb.status;
  return now.getTime() - hb.lastPingAt.getTime() > hb.intervalSeconds * 1000 ? 'late' : 'up';
}

/** "45 s", "6 min", "2 h 5 min", "3 d 4 h": a duration as people say it, rounded down. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** The missed-heartbeat incident's title: "Heartbeat 'prod-prometheus' missed: last ping 6 min ago, expected every 5 min". */
export function missedHeartbeatTitle(name: string, lastPingAt: Date, intervalSeconds: number, now: Date): string {
  return `Heartbeat '${name}' missed: last ping ${humanDuration(now.getTime() - lastPingAt.getTime())} ago, expected every ${humanDuration(intervalSeconds * 1000)}`;
}

/** The timeline entry of the ping that resolves the incident: "Heartbeat received again after 14 min". */
export function heartbeatBackMessage(lastPingBefore: Date, now: Date): string {
  return `Heartbeat received again after ${humanDuration(now.getTime() - lastPingBefore.getTime())}`;
}

/** The grouping key of a heartbeat's incidents: one open incident per heartbeat. */
export function heartbeatAlertKey(heartbeatId: string): string {
  return `heartbeat:${heartbeatId}`;
}

/** The ping URL as lists show it: the token's first characters, the rest masked. */
export function maskedPingUrl(publicUrl: string, tokenPrefix: string): string {
  return pingUrl(publicUrl, `${tokenPrefix}…`);
}

/** Where a heartbeat is pinged (POST or GET, no credential but the token in the path). */
export function pingUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/heartbeats/${token}/ping`;
}

/** The timeline entry of a miss signalled by Alertmanager sending the Watchdog as resolved. */
export function watchdogResolvedMessage(name: string, lastPingAt: Date, now: Date): string {
  return `Heartbeat '${name}' missed: Alertmanager sent its Watchdog as resolved (no Prometheus sends it any more); last ping ${humanDuration(now.getTime() - lastPingAt.getTime())} ago`;
}
