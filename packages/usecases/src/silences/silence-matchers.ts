import type { StoredMatcher } from '@heinrich/db/silences/silence-row';

/**
 * The silence's matchers: every label the incident's alerts all share, with
 * that value (Alertmanager's commonLabels of the incident). Why common labels:
 * they always include the labels Alertmanager grouped by (every alert of a group
 * has them), so the silence covers the incident's alerts and the group's new
 * alerts that look like them, and nothing with a different alertname, severity
 * or namespace. Sorted by name, so the same incident gives the same silence.
 * Empty when the alerts share nothing (a silence would match everything).
 */
export function silenceMatchers(alertLabels: readonly Record<string, string>[]): StoredMatcher[] {
  if (alertLabels.length === 0) return [];
  const [first, ...rest] = alertLabels;
  return Object.entries(first!)
    .filter(([name, value]) => value !== '' && rest.every((labels) => labels[name] === value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value, isRegex: false, isEqual: true }));
}

/** `alertname="X", node="d01"`, for timelines and messages. */
export function describeMatchers(matchers: readonly StoredMatcher[]): string {
  return matchers.map((m) => `${m.name}${m.isEqual ? '=' : '!='}"${m.value}"`).join(', ');
}
