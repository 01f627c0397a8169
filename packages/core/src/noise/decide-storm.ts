import type { NoiseSettings } from './noise-settings';

/**
 * Storm mode (docs/noise.md "Storm mode"): when one service opens more than
 * `storm.incidents` incidents within `storm.windowSeconds`, it is in a storm.
 * The incident that crosses the threshold starts the storm and pages as the
 * storm page; incidents opened later during the storm join it silently (no
 * escalation); every other incident pages as usual.
 */

/** What kind of incident: only incidents opened from alerts are counted and held. */
export type StormIncidentKind = 'alert' | 'manual' | 'heartbeat' | 'probe';

/**
 * Whether an incident of this kind counts toward a storm and can be held by one.
 * Manual incidents (a person asked for the page) and heartbeat incidents (the
 * monitoring itself is down; issue 17 §5) always page on their own; so do
 * the synthetic probe's (a check of the pager itself: docs/monitoring.md), which
 * never count toward a storm either.
 */
export function isStormHoldable(kind: StormIncidentKind): boolean {
  return kind === 'alert';
}

export interface ActiveStorm {
  id: string;
  startedAt: Date;
  lastIncidentAt: Date;
  /** the number of the incident that started it: an incident opened in the same instant (one ingest transaction) is before it when its number is lower */
  startedByNumber?: number;
}

export interface StormInput {
  settings: NoiseSettings['storm'];
  serviceName: string;
  incident: { id: string; createdAt: Date; kind: StormIncidentKind; number?: number };
  /**
   * The service's holdable incidents opened in (createdAt - windowSeconds, createdAt],
   * in opening order, up to and including this one (for a holdable incident).
   */
  window: { id: string; alertname: string }[];
  /** the service's storm not yet ended, if any */
  active: ActiveStorm | null;
}

export interface AlertnameCount {
  alertname: string;
  count: number;
}

export type StormDecision =
  | {
      action: 'page';
      reason: 'disabled' | 'not-holdable' | 'below-threshold';
      /** a storm that went quiet before this incident opened: end it first */
      endStormId: string | null;
    }
  | {
      action: 'start';
      /** incidents in the window, this one included (the page's count) */
      incidents: number;
      windowSeconds: number;
      counts: AlertnameCount[];
      /** the storm page's title */
      title: string;
      endStormId: string | null;
    }
  | { action: 'join'; stormId: string };

export function decideStorm(input: StormInput): StormDecision {
  const { settings, incident } = input;
  // a storm quiet for quietSeconds when this incident opened is over (the end pass may not have run yet)
  const expired = input.active !== null && isStormQuiet(settings, input.active.lastIncidentAt, incident.createdAt);
  const active = expired ? null : input.active;
  const endStormId = expired ? input.active!.id : null;
  if (!settings.enabled) return { action: 'page', reason: 'disabled', endStormId };
  if (!isStormHoldable(incident.kind)) return { action: 'page', reason: 'not-holdable', endStormId };
  const over = input.window.length > settings.incidents;
  // opened during the storm, or (handled out of order by another worker) itself past the threshold
  if (active && (openedDuring(incident, active) || over)) return { action: 'join', stormId: active.id };
  if (!over) return { action: 'page', reason: 'below-threshold', endStormId };
  const counts = countByAlertname(input.window.map((w) => w.alertname));
  return {
    action: 'start',
    incidents: input.window.length,
    windowSeconds: settings.windowSeconds,
    counts,
    title: stormTitle(input.serviceName, input.window.length, settings.windowSeconds, counts),
    endStormId,
  };
}

/**
 * Whether the incident opened during the storm: after its start, or in the same
 * instant (one ingest transaction opens many incidents with one created_at) with
 * a higher number than the incident that started it, the order the window counts in.
 */
function openedDuring(incident: StormInput['incident'], active: ActiveStorm): boolean {
  const after = incident.createdAt.getTime() - active.startedAt.getTime();
  if (after !== 0) return after > 0;
  return incident.number === undefined || active.startedByNumber === undefined || incident.number > active.startedByNumber;
}

/** A storm ends after quietSeconds without a new incident on its service. */
export function isStormQuiet(settings: NoiseSettings['storm'], lastIncidentAt: Date, now: Date): boolean {
  return now.getTime() - lastIncidentAt.getTime() >= settings.quietSeconds * 1000;
}

/** Most frequent first, then by name. */
export function countByAlertname(alertnames: string[]): AlertnameCount[] {
  const m = new Map<string, number>();
  for (const a of alertnames) m.set(a, (m.get(a) ?? 0) + 1);
  return [...m].map(([alertname, count]) => ({ alertname, count })).sort((a, b) => b.count - a.count || a.alertname.localeCompare(b.alertname));
}

const SHOWN_ALERTNAMES = 4;

/** "Storm on Collector: 6 new incidents in 5 min — KubePodCrashLooping ×4, KubeNodeNotReady ×2" */
export function stormTitle(serviceName: string, incidents: number, windowSeconds: number, counts: AlertnameCount[]): string {
  const shown = counts.slice(0, SHOWN_ALERTNAMES).map((c) => `${c.alertname} ×${c.count}`);
  if (counts.length > SHOWN_ALERTNAMES) shown.push('…');
  return `Storm on ${serviceName}: ${incidents} new incidents in ${formatWindow(windowSeconds)} — ${shown.join(', ')}`;
}

export function formatWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
