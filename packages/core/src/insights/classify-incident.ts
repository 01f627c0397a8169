import { alertsFirstAllResolvedAt } from './alerts-all-resolved';
import type { IncidentLevelFacts } from './incident-facts';

export type InsightLevel = 'major' | 'minor' | 'nearMiss';
/** why a near miss paged no one, in the order they are tried (docs/insights.md) */
export const NEAR_MISS_REASONS = ['maintenance', 'suppressed', 'storm', 'silenced', 'resolvedBeforePage', 'lowUrgency', 'other'] as const;
export type NearMissReason = (typeof NEAR_MISS_REASONS)[number];

/** a major incident: open this long or more (seconds) */
export const MAJOR_OPEN_SECONDS = 30 * 60;

export type Classification =
  | { level: 'major' | 'minor'; openSeconds: number }
  | { level: 'nearMiss'; reason: NearMissReason };

/**
 * Heinrich's pyramid, for one incident (docs/insights.md):
 * - major: high urgency, paged someone, and open 30 min or more (until openEnd;
 *   still open: until `now`) or escalated past its first step;
 * - minor: the others that paged someone;
 * - near miss: paged no one, with the first reason that applies.
 */
export function classifyIncident(f: IncidentLevelFacts, now: number): Classification {
  if (f.firstPageAt !== null) {
    const openSeconds = Math.max(0, ((openEnd(f)?.at ?? now) - f.createdAt) / 1000);
    const major = f.urgency === 'high' && (openSeconds >= MAJOR_OPEN_SECONDS || f.escalatedPastFirstStep);
    return { level: major ? 'major' : 'minor', openSeconds };
  }
  return { level: 'nearMiss', reason: nearMissReason(f) };
}

/**
 * When an incident stopped being open (docs/insights.md "Open time"): its alerts
 * first all resolved (the timeline's alert changes, the system's `resolved` entry,
 * or `flapping_started`: a flap hold does not count) or a person resolved it,
 * whichever came first; `byPerson` when that was a person's resolve. null: still open.
 */
export function openEnd(f: IncidentLevelFacts): { at: number; byPerson: boolean } | null {
  const alerts = alertsFirstAllResolvedAt(f.alertChanges);
  if (f.firstResolveAt !== null && (alerts === null || f.firstResolveAt <= alerts)) return { at: f.firstResolveAt, byPerson: f.firstResolveByPerson };
  return alerts === null ? null : { at: alerts, byPerson: false };
}

function nearMissReason(f: IncidentLevelFacts): NearMissReason {
  if (f.heldByMaintenance) return 'maintenance';
  if (f.suppressed) return 'suppressed';
  if (f.heldByStorm) return 'storm';
  if (f.silenced) return 'silenced';
  if (openEnd(f) !== null) return 'resolvedBeforePage';
  if (f.urgency === 'low') return 'lowUrgency';
  return 'other';
}
