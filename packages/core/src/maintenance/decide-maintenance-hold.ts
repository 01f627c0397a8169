import { compileMatcher, matchesAll, type CompiledMatcher } from '../matchers/label-matcher';
import { parseMatcher } from '../matchers/parse-matcher';
import { maintenanceCoverageAt } from './maintenance-occurrences';
import type { MaintenanceWindowSpec } from './maintenance-window';

export interface MaintenanceHoldInput {
  serviceId: string;
  /** when the incident opened (the ingest commit), epoch ms */
  openedAt: number;
  /** when the worker decides, epoch ms */
  now: number;
  kind: 'alert' | 'manual' | 'heartbeat';
  /** the label sets of the incident's alerts */
  alertLabels: readonly Readonly<Record<string, string>>[];
  /** windows that may cover the service at openedAt */
  windows: readonly MaintenanceWindowSpec[];
}

export type MaintenanceHold = { held: true; windowId: string; reason: string; until: number } | { held: false; reason: 'manual' | 'no-window' | 'ended' };

/**
 * Maintenance first (docs/noise.md "The order of the rules"): is a newly
 * opened incident held by a maintenance window?
 *
 * - A window covers the incident when the incident's service is one of its
 *   services, its coverage (one-off or a recurrence's occurrence) contains
 *   the instant the incident opened, and, if it has matchers, EVERY alert of
 *   the incident matches all of them (one alert outside the window's matchers
 *   is enough to page: maintenance must not hide what it was not about).
 * - Manual incidents are never held: a person asked for the page.
 * - Held until the end of the covering stretch; of several covering windows,
 *   the one that ends last (then the smaller id), so the incident stays quiet
 *   while any of them lasts.
 * - A window that covered the opening but has ended by the time the worker
 *   decides (a backlog) holds nothing: the incident pages as usual.
 */
export function decideMaintenanceHold(input: MaintenanceHoldInput): MaintenanceHold {
  if (input.kind === 'manual') return { held: false, reason: 'manual' };
  let best: { w: MaintenanceWindowSpec; until: number } | null = null;
  let ended = false;
  for (const w of input.windows) {
    if (!w.serviceIds.includes(input.serviceId)) continue;
    const coverage = maintenanceCoverageAt(w, input.openedAt);
    if (!coverage) continue;
    if (!coversAlerts(w, input.alertLabels)) continue;
    if (coverage.end <= input.now) {
      ended = true;
      continue;
    }
    if (!best || coverage.end > best.until || (coverage.end === best.until && w.id < best.w.id)) best = { w, until: coverage.end };
  }
  if (best) return { held: true, windowId: best.w.id, reason: best.w.reason, until: best.until };
  return { held: false, reason: ended ? 'ended' : 'no-window' };
}

function coversAlerts(w: MaintenanceWindowSpec, labels: MaintenanceHoldInput['alertLabels']): boolean {
  if (w.matchers.length === 0) return true;
  if (labels.length === 0) return false;
  const compiled: CompiledMatcher[] = [];
  for (const text of w.matchers) {
    const parsed = parseMatcher(text);
    if (!parsed.ok) return false; // stored before validation got stricter: covers nothing rather than everything
    compiled.push(compileMatcher(parsed.matcher));
  }
  return labels.every((l) => matchesAll(compiled, l));
}
