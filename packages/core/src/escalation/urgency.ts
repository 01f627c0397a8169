/** A service's setting: always high, always low, or from the alerts' severities. */
export type ServiceUrgency = 'high' | 'low' | 'bySeverity';

/** An incident's urgency, decided once when its escalation starts. */
export type Urgency = 'high' | 'low';

export interface UrgencyDecision {
  urgency: Urgency;
  /** for the timeline: "service urgency is high", "highest alert severity is warning" */
  reason: string;
}

/**
 * What an urgency allows. Low urgency pages the first step only (no later
 * steps, no repeat passes) and never by voice call; delivery (a later issue)
 * reads `voice`.
 */
export interface UrgencyRules {
  /** steps of the policy that may page: all, or the first only */
  escalates: boolean;
  /** repeat passes allowed */
  repeats: boolean;
  /** voice calls allowed */
  voice: boolean;
}

const RULES: Record<Urgency, UrgencyRules> = {
  high: { escalates: true, repeats: true, voice: true },
  low: { escalates: false, repeats: false, voice: false },
};

export function urgencyRules(urgency: Urgency): UrgencyRules {
  return RULES[urgency];
}

/**
 * A severity's urgency, PagerDuty Events v2's four levels compared without case
 * or surrounding blanks: `warning` and `info` are low; `critical`, `error`, a
 * missing severity and any other value are high (a pager must not stay quiet
 * because a label was spelled in a way we did not foresee).
 */
export function severityUrgency(severity: string | null | undefined): Urgency {
  const s = typeof severity === 'string' ? severity.trim().toLowerCase() : '';
  return s === 'warning' || s === 'info' ? 'low' : 'high';
}

/**
 * An incident's urgency. `bySeverity`: the incident takes its highest alert,
 * so one high alert among many low ones makes it high, and an incident with no
 * alerts (opened by hand) or with an alert without severity is high.
 */
export function resolveUrgency(service: ServiceUrgency, severities: readonly (string | null | undefined)[]): UrgencyDecision {
  if (service === 'high' || service === 'low') return { urgency: service, reason: `service urgency is ${service}` };
  if (severities.length === 0) return { urgency: 'high', reason: 'service urgency is by severity and the incident has no alert severity: high' };
  const high = severities.find((s) => severityUrgency(s) === 'high');
  if (high !== undefined) {
    const shown = typeof high === 'string' && high.trim() !== '' ? `alert severity ${JSON.stringify(high)}` : 'an alert without severity';
    return { urgency: 'high', reason: `service urgency is by severity and ${shown} is high` };
  }
  const shown = [...new Set(severities.map((s) => (s as string).trim().toLowerCase()))].sort().join(', ');
  return { urgency: 'low', reason: `service urgency is by severity and every alert is low (${shown})` };
}
