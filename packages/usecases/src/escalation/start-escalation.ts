import type { Logger } from '@heinrich/config/logger';
import type { EscalationPolicy, EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import { resolveRuleUrgency } from '@heinrich/core/alert-rules/resolve-rule-urgency';
import { resolveUrgency, type ServiceUrgency } from '@heinrich/core/escalation/urgency';
import { validateEscalationPolicy } from '@heinrich/core/escalation/validate-escalation-policy';
import { insertEscalation } from '@heinrich/db/escalation/insert-escalation';
import { loadEscalationStart } from '@heinrich/db/escalation/load-escalation-start';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { incidentEventDraft, type IncidentEventData } from '@heinrich/core/incidents/incident-event-catalog';
import type pg from 'pg';
import { advanceEscalation, ENGINE_ACTOR } from './advance-escalation';
import { noEffects, type EngineEffects } from './engine-effects';

/**
 * Begins an incident's escalation (on `incident.opened`), in the transaction
 * that claims the outbox row: snapshots the service's policy, decides the
 * urgency (bySeverity: the highest alert), and enters step 1 now. A service
 * without a usable policy pages nobody: said on the timeline, counted as
 * `unrouted`. An incident acknowledged or resolved before this runs is not escalated.
 */
export async function startEscalation(client: pg.PoolClient, incidentId: string, now: Date, logger: Logger): Promise<EngineEffects> {
  const row = await loadEscalationStart(client, incidentId);
  if (!row) return noEffects();
  const note = <T extends 'escalation_started' | 'escalation_not_started'>(type: T, message: string, data: IncidentEventData<T>) =>
    recordEvents(client, [{ incidentId, ...incidentEventDraft(type, data), message, actor: ENGINE_ACTOR, via: null }]);
  if (row.incidentStatus !== 'triggered') {
    await note('escalation_not_started', `Escalation not started: the incident was ${row.incidentStatus} before it began`, {});
    return noEffects();
  }
  // a manual incident assigned directly ("page Alice now") runs its own one-step policy
  const assigned = (row.assignment ?? null) as EscalationPolicy | null;
  if (!row.policyId && !assigned) {
    await note('escalation_not_started', `Nobody paged: service ${JSON.stringify(row.serviceName)} has no escalation policy`, { reason: 'no-policy' });
    return { ...noEffects(), unrouted: 1 };
  }
  const policy: EscalationPolicy = assigned ?? {
    id: row.policyId as string,
    name: row.policyName as string,
    teamId: row.policyTeamId,
    repeat: row.policyRepeat ?? 0,
    steps: (row.policySteps ?? []) as EscalationStep[],
  };
  // a policy whose team was deleted still runs (without a lead fallback)
  const problems = validateEscalationPolicy(policy).filter((p) => p.path !== 'teamId');
  if (problems.length > 0) {
    const first = problems[0]!;
    await note('escalation_not_started', `Nobody paged: escalation policy ${JSON.stringify(policy.name)} cannot run (${first.path} ${first.message})`, {
      reason: 'invalid-policy',
      policyId: policy.id,
      problems,
    });
    return { ...noEffects(), unrouted: 1 };
  }
  const severities = row.alertSeverities.length > 0 ? row.alertSeverities : row.incidentSeverity !== null ? [row.incidentSeverity] : [];
  const serviceUrgency = (row.serviceUrgency === 'by_severity' ? 'bySeverity' : row.serviceUrgency) as ServiceUrgency;
  // an alert rule's urgency replaces the service's setting for its alert (docs/alert-rules.md)
  const ruled = row.alertUrgencies.some((a) => a.rule !== null);
  const { urgency, reason } = ruled ? resolveRuleUrgency(serviceUrgency, row.alertUrgencies) : resolveUrgency(serviceUrgency, severities);
  if (!(await insertEscalation(client, { incidentId, policyId: policy.id ?? null, policy, urgency, nextDueAt: now, at: now }))) return noEffects();
  const steps = policy.steps.length;
  await note(
    'escalation_started',
    `Escalation started with policy ${JSON.stringify(policy.name)} (${steps} step${steps === 1 ? '' : 's'}, repeat ${policy.repeat}): ${urgency} urgency, ${reason}`,
    { policyId: policy.id, urgency, urgencyReason: reason, steps, repeat: policy.repeat },
  );
  return advanceEscalation(client, { incidentId, run: { policy, urgency, baseCycle: 0 }, from: { cycle: 0, step: 0 }, generation: 0, now, logger });
}
