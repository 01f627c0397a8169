/** One change of an incident's alerts on its timeline: `opened` / `alerts_added` (firing) or `alerts_resolved`. */
export interface AlertChange {
  at: number;
  resolved: boolean;
  fingerprints: readonly string[];
}

/**
 * When an incident's alerts first all resolved (docs/insights.md "Open time"),
 * replaying its timeline's alert changes in order: the first `alerts_resolved`
 * after which none of the fingerprints that fired fires any more. null: never
 * (still firing, or a timeline without fingerprints: manual incidents, older
 * rows). Superseded and stale occurrences are left as they were (they do not
 * end an incident's alerts).
 */
export function alertsFirstAllResolvedAt(changes: readonly AlertChange[]): number | null {
  const firing = new Set<string>();
  for (const c of changes) {
    for (const fp of c.fingerprints) {
      if (c.resolved) firing.delete(fp);
      else firing.add(fp);
    }
    if (c.resolved && c.fingerprints.length > 0 && firing.size === 0) return c.at;
  }
  return null;
}
