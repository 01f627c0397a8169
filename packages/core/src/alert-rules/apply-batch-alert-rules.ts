import { sha256Hex } from '../alert-group';
import type { IncomingAlert } from '../incoming-alert';
import type { IngestDelivery } from '../ingest/ingest-delivery';
import type { AlertRulesOutcome } from './alert-rule';
import { evaluateAlertRules } from './evaluate-alert-rules';

/** What is stored on the alert (alerts.alert_rules) when a rule touched it. */
export type StoredAlertRules = Pick<AlertRulesOutcome, 'applied' | 'urgency' | 'suppressed'>;

/** An occurrence of an ingest batch as the rules see it (core DistinctOccurrence, db BatchAlert). */
export interface RuledOccurrence {
  serviceId: string;
  alert: IncomingAlert;
  rules?: StoredAlertRules;
}

/**
 * The group a suppressed alert joins: its own group beside the one it came
 * with, so it never opens or joins the incident of alerts no rule suppressed
 * (a suppression must not hide a page). Derived from the original group, so
 * the original's advisory lock serializes it too.
 */
export function suppressedGroup(group: IncomingAlert['group']): IncomingAlert['group'] {
  const key = `${group.key}#suppressed`; // no NUL: Postgres text cannot hold it
  return { ...group, key, keyHash: sha256Hex(key) };
}

/**
 * Runs each delivery's alert rules on the batch's NEW firing occurrences (not
 * re-sends of known ones: what the first copy got stays), in place: labels,
 * annotations and severity as the rules left them, a suppressed alert moved
 * to its suppressed group, and what the rules did on `rules`. A delivery an
 * alert rule routed here (`routedFrom`) first runs the routing service's rules
 * (their route recorded), then its own with route actions ignored: one hop.
 * Returns how many occurrences a rule touched.
 */
export function applyBatchAlertRules(deliveries: readonly IngestDelivery[], fresh: readonly (RuledOccurrence & { owner: number })[]): number {
  if (!deliveries.some((d) => (d.alertRules && d.alertRules.rules.length > 0) || d.routedFrom)) return 0;
  let touched = 0;
  for (const occ of fresh) {
    const d = deliveries[occ.owner];
    if (!d) continue;
    const a = occ.alert;
    const out = evaluateDeliveryRules(d, a);
    if (!out || out.applied.length === 0) continue;
    touched++;
    occ.alert = {
      ...a,
      labels: out.labels,
      annotations: out.annotations,
      severity: out.severity,
      group: out.suppressed ? suppressedGroup(a.group) : a.group,
    };
    occ.rules = { applied: out.applied, urgency: out.urgency, suppressed: out.suppressed };
  }
  return touched;
}

/** The routing service's rules (if routed here), then the delivery's own: one outcome, both rule sets' changes. */
function evaluateDeliveryRules(d: IngestDelivery, a: IncomingAlert): AlertRulesOutcome | null {
  const own = d.alertRules && d.alertRules.rules.length > 0 ? d.alertRules : undefined;
  if (!d.routedFrom) return own ? evaluateAlertRules(own.rules, a, own.at, own.service, { followRoutes: false }) : null;
  const from = d.routedFrom;
  const first = evaluateAlertRules(from.rules, a, from.at, from.service, { serviceName: (id) => (id === d.serviceId ? from.targetName : undefined) });
  if (!own) return first;
  const then = evaluateAlertRules(own.rules, first, own.at, own.service, { followRoutes: false });
  return {
    ...then,
    urgency: then.urgency ?? first.urgency,
    suppressed: first.suppressed ?? then.suppressed,
    routeTo: first.routeTo,
    applied: [...first.applied, ...then.applied],
  };
}
