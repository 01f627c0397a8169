import { resolveUrgency, severityUrgency, type ServiceUrgency, type UrgencyDecision } from '../escalation/urgency';

/** An incident's alert as urgency reads it: its severity and the urgency an alert rule set on it, if any. */
export interface UrgencyAlert {
  severity: string | null;
  rule: { value: 'high' | 'low'; name: string; serviceName: string } | null;
}

/**
 * An incident's urgency when alert rules may have set some alerts' urgency: a
 * rule's urgency replaces the service's setting for that alert; the others
 * read the service's setting (high, low, or their severity). The incident is
 * high when any alert is. Without rule urgencies this is resolveUrgency.
 */
export function resolveRuleUrgency(service: ServiceUrgency, alerts: readonly UrgencyAlert[]): UrgencyDecision {
  const ruled = alerts.filter((a) => a.rule);
  if (ruled.length === 0) return resolveUrgency(service, alerts.map((a) => a.severity));
  const rest = alerts.filter((a) => !a.rule);
  const highRule = ruled.find((a) => a.rule!.value === 'high');
  if (highRule) return { urgency: 'high', reason: `urgency raised to high by rule ${JSON.stringify(highRule.rule!.name)} on ${highRule.rule!.serviceName}` };
  const named = ruled[0]!.rule!;
  const byRule = `urgency lowered to low by rule ${JSON.stringify(named.name)} on ${named.serviceName}`;
  if (rest.length === 0) return { urgency: 'low', reason: byRule };
  const others = service === 'bySeverity' ? (rest.some((a) => severityUrgency(a.severity) === 'high') ? 'high' : 'low') : service;
  if (others === 'high') return { ...resolveUrgency(service, rest.map((a) => a.severity)), urgency: 'high' };
  return { urgency: 'low', reason: `${byRule}; the incident's other alerts are low too` };
}
