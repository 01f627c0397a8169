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
 * Runs each service's alert rules on the batch's NEW firing occurrences (not
 * re-sends of known ones: what the first copy got stays), in place: labels,
 * annotations and severity as the rules left them, a suppressed alert moved
 * to its suppressed group, and what the rules did on `rules`. Route actions
 * are not followed here (routing, one hop, is the routing integration's).
 * Returns how many occurrences a rule touched.
 */
export function applyBatchAlertRules(deliveries: readonly IngestDelivery[], fresh: readonly RuledOccurrence[]): number {
  const byService = new Map<string, NonNullable<IngestDelivery['alertRules']>>();
  for (const d of deliveries) if (d.alertRules && d.alertRules.rules.length > 0) byService.set(d.serviceId, d.alertRules);
  if (byService.size === 0) return 0;
  let touched = 0;
  for (const occ of fresh) {
    const set = byService.get(occ.serviceId);
    if (!set) continue;
    const a = occ.alert;
    const out = evaluateAlertRules(set.rules, a, set.at, set.service, { followRoutes: false });
    if (out.applied.length === 0) continue;
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
