import { isIncidentEvent, readIncidentEvent, type StoredIncidentEvent } from '../incidents/incident-event-catalog';
import type { AppliedAlertRule } from './alert-rule';
import { describeAppliedRules } from './evaluate-alert-rules';

/**
 * What alert rules did to an incident's alerts, one line per change, from its
 * timeline ("urgency lowered to low by rule "batch jobs are low" on
 * Collector"), oldest first, each line once; a suppression says it paged no one.
 */
export function explainAlertRules(events: readonly StoredIncidentEvent[]): string[] {
  const lines: string[] = [];
  for (const e of events.map(readIncidentEvent)) {
    if (isIncidentEvent(e, 'alert_rules_applied')) lines.push(...describeAppliedRules((e.data.rules ?? []) as AppliedAlertRule[]));
    else if (isIncidentEvent(e, 'alert_suppressed')) lines.push(`nobody paged: suppressed by rule ${JSON.stringify(e.data.name)} on ${String(e.data.serviceName)}`);
  }
  return [...new Set(lines)];
}
