import type { IncidentFacts } from './incident-facts';

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
 * - major: high urgency, paged someone, and open 30 min or more (until its alerts
 *   first all resolved or a person resolved it; a flap hold does not count; still
 *   open: until `now`) or escalated past its first step;
 * - minor: the others that paged someone;
 * - near miss: paged no one, with the first reason that applies.
 */
export function classifyIncident(f: IncidentFacts, now: number): Classification {
  if (f.firstPageAt !== null) {
    const openSeconds = Math.max(0, ((f.firstResolveAt ?? now) - f.createdAt) / 1000);
    const major = f.urgency === 'high' && (openSeconds >= MAJOR_OPEN_SECONDS || f.escalatedPastFirstStep);
    return { level: major ? 'major' : 'minor', openSeconds };
  }
  return { level: 'nearMiss', reason: nearMissReason(f) };
}

function nearMissReason(f: IncidentFacts): NearMissReason {
  if (f.heldByMaintenance) return 'maintenance';
  if (f.suppressed) return 'suppressed';
  if (f.heldByStorm) return 'storm';
  if (f.silenced) return 'silenced';
  if (f.firstResolveAt !== null) return 'resolvedBeforePage';
  if (f.urgency === 'low') return 'lowUrgency';
  return 'other';
}
