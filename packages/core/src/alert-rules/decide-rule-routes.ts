import type { IncomingAlert } from '../incoming-alert';
import type { AlertRuleSet } from '../ingest/ingest-delivery';
import { evaluateAlertRules } from './evaluate-alert-rules';

/** The services a rule set's route actions can send alerts to (empty: no route rules, nothing to look up). */
export function ruleRouteTargets(set: AlertRuleSet | undefined): string[] {
  if (!set) return [];
  return [...new Set(set.rules.flatMap((c) => (c.rule.actions.routeToServiceId ? [c.rule.actions.routeToServiceId] : [])))];
}

/** The key of an occurrence (fingerprint, startsAt) in `storedIn`. */
export function occurrenceKey(a: Pick<IncomingAlert, 'fingerprint' | 'startsAt'>): string {
  return `${a.fingerprint}\u0000${a.startsAt}`;
}

/**
 * Where each alert sent to a service whose rules route (routeToServiceId)
 * belongs, pure: an occurrence already stored in one of the candidate services
 * stays there (a re-send, or its resolve, lands where its first copy did, even
 * if a time condition or the rules changed since: never a second page); a new
 * firing one goes where the first matching route rule sends it (the rules as
 * evaluated at `set.at`, what ingest will run again on it). null: the service
 * itself. `storedIn`: occurrenceKey → the service holding it.
 */
export function decideRuleRoutes(set: AlertRuleSet, alerts: readonly IncomingAlert[], storedIn: ReadonlyMap<string, string>): (string | null)[] {
  return alerts.map((a) => {
    const stored = storedIn.get(occurrenceKey(a));
    if (stored !== undefined) return stored === set.service.id ? null : stored;
    if (a.status !== 'firing') return null;
    return evaluateAlertRules(set.rules, a, set.at, set.service).routeTo?.serviceId ?? null;
  });
}
