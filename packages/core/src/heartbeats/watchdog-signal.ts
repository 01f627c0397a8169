import type { IncomingAlert } from '../incoming-alert';

/** What an Alertmanager integration key says about its Watchdog (docs/heartbeats.md). */
export interface WatchdogLink {
  heartbeatId: string;
  /** the alertname that counts as the Watchdog ("Watchdog" unless configured) */
  alertname: string;
}

export const DEFAULT_WATCHDOG_ALERTNAME = 'Watchdog';
/** The Watchdog route of docs/heartbeats.md: repeat_interval 1m, group_interval 1m (what a key assumes unless told). */
export const DEFAULT_WATCHDOG_REPEAT_INTERVAL_SECONDS = 60;
export const DEFAULT_WATCHDOG_GROUP_INTERVAL_SECONDS = 60;

/** A Watchdog notification read as a heartbeat: a firing one is a ping, one only resolved is a miss. */
export type WatchdogSignal = 'ping' | 'miss';

export interface WatchdogSplit {
  /** the alerts that are not the Watchdog: ingested as usual */
  rest: IncomingAlert[];
  /** how many alerts were the Watchdog (never stored, never part of an incident) */
  watchdogs: number;
  signal: WatchdogSignal | null;
}

/**
 * Splits an Alertmanager notification on a key that names a heartbeat: alerts
 * whose `alertname` label is the key's Watchdog alertname are taken out (they
 * never open incidents nor count as alerts of one) and read as one signal.
 * Any of them firing is a ping: some Prometheus still evaluates its rules
 * (with HA pairs, one replica's Watchdog may resolve while the other's fires).
 * Only resolved ones mean the alert expired in Alertmanager, i.e. no
 * Prometheus re-sent it: a miss, now, not a ping. A key naming no heartbeat
 * changes nothing.
 */
export function splitWatchdog(alerts: readonly IncomingAlert[], link: WatchdogLink | null): WatchdogSplit {
  if (!link) return { rest: [...alerts], watchdogs: 0, signal: null };
  const rest: IncomingAlert[] = [];
  let firing = 0;
  let resolved = 0;
  for (const a of alerts) {
    if (a.labels.alertname !== link.alertname) rest.push(a);
    else if (a.status === 'firing') firing += 1;
    else resolved += 1;
  }
  const signal: WatchdogSignal | null = firing > 0 ? 'ping' : resolved > 0 ? 'miss' : null;
  return { rest, watchdogs: firing + resolved, signal };
}

/**
 * Whether a heartbeat fed by an Alertmanager Watchdog may miss while
 * Prometheus is fine: Alertmanager re-sends a firing group every
 * repeat_interval, at the next group_interval flush after it elapsed, so two
 * notifications can be up to repeat_interval + group_interval apart
 * (dispatch/dispatch.go). The heartbeat misses at interval + grace after a
 * ping: that must be longer. Returns the warning's text, or null.
 */
export function watchdogIntervalWarning(
  heartbeat: { name: string; intervalSeconds: number; graceSeconds: number },
  alertmanager: { repeatIntervalSeconds: number; groupIntervalSeconds: number },
): string | null {
  const resend = alertmanager.repeatIntervalSeconds + alertmanager.groupIntervalSeconds;
  const window = heartbeat.intervalSeconds + heartbeat.graceSeconds;
  if (window > resend) return null;
  return (
    `heartbeat '${heartbeat.name}' misses ${window} s after a ping (interval ${heartbeat.intervalSeconds} s + grace ${heartbeat.graceSeconds} s), ` +
    `but Alertmanager may re-send the Watchdog only every ${resend} s (repeat_interval ${alertmanager.repeatIntervalSeconds} s + group_interval ${alertmanager.groupIntervalSeconds} s): ` +
    `it would miss while Prometheus is fine; make interval + grace longer than ${resend} s or shorten the route's repeat_interval`
  );
}
