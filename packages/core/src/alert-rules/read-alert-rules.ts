import type { AlertRule } from './alert-rule';

/**
 * A service's stored rules (services.alert_rules, validated when saved) as
 * core reads them; anything that is not a list reads as no rules, and missing
 * optional parts get their defaults.
 */
export function readAlertRules(stored: unknown): AlertRule[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      id: String(r['id'] ?? ''),
      name: String(r['name'] ?? ''),
      matchers: Array.isArray(r['matchers']) ? (r['matchers'] as string[]) : [],
      annotationMatchers: Array.isArray(r['annotationMatchers']) ? (r['annotationMatchers'] as string[]) : [],
      time: (r['time'] as AlertRule['time']) ?? null,
      actions: (r['actions'] as AlertRule['actions']) ?? {},
      stop: r['stop'] === true,
    }));
}

/** The services a service's rules route to. */
export function routeTargets(rules: readonly AlertRule[]): string[] {
  return rules.flatMap((r) => (r.actions.routeToServiceId ? [r.actions.routeToServiceId] : []));
}
