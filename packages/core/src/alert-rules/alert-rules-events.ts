import type { IngestEvent } from '../ingest/decide-ingest-outcome';
import { incidentEventDraft } from '../incidents/incident-event-catalog';
import type { RuledOccurrence, StoredAlertRules } from './apply-batch-alert-rules';
import { describeAppliedRules } from './evaluate-alert-rules';

/**
 * The timeline entries of what alert rules did in one ingest batch: per
 * incident, one `alert_rules_applied` naming each rule and its changes
 * ("urgency lowered to low by rule "batch jobs are low" on Collector"), and
 * `alert_suppressed` on an incident a suppression opened.
 */
export function alertRulesEvents(
  stored: readonly { occurrence: RuledOccurrence & { owner: number }; incidentId: string; opened: boolean }[],
  via: (owner: number) => string,
): IngestEvent[] {
  const byIncident = new Map<string, { owner: number; fingerprints: string[]; rules: NonNullable<RuledOccurrence['rules']>['applied']; suppressed: StoredAlertRules['suppressed']; opened: boolean }>();
  for (const { occurrence: o, incidentId, opened } of stored) {
    if (!o.rules) continue;
    let entry = byIncident.get(incidentId);
    if (!entry) byIncident.set(incidentId, (entry = { owner: o.owner, fingerprints: [], rules: [], suppressed: null, opened: false }));
    entry.fingerprints.push(o.alert.fingerprint);
    entry.opened ||= opened;
    for (const r of o.rules.applied) if (!entry.rules.some((x) => x.ruleId === r.ruleId && x.serviceId === r.serviceId)) entry.rules.push(r);
    entry.suppressed ??= o.rules.suppressed;
  }
  const events: IngestEvent[] = [];
  for (const [incidentId, e] of byIncident) {
    const who = { owner: e.owner, incidentId, actor: 'system', via: via(e.owner) };
    const n = e.fingerprints.length;
    events.push({
      ...who,
      ...incidentEventDraft('alert_rules_applied', { fingerprints: e.fingerprints, rules: e.rules }),
      message: `Alert rules applied to ${n} alert${n === 1 ? '' : 's'}: ${describeAppliedRules(e.rules).join('; ')}`,
    });
    if (e.suppressed && e.opened) {
      events.push({
        ...who,
        ...incidentEventDraft('alert_suppressed', e.suppressed),
        message: `Suppressed by rule ${JSON.stringify(e.suppressed.name)} on ${e.suppressed.serviceName}: stored, pages no one`,
      });
    }
  }
  return events;
}
