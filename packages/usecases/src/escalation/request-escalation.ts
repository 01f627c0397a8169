import { AppError } from '@heinrich/core/app-error';
import { actorOf, type Actor, type Principal } from '@heinrich/core/authz/principal';
import { manualEscalationTarget } from '@heinrich/core/escalation/manual-escalation';
import { lockEscalation } from '@heinrich/db/escalation/lock-escalation';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { authorizeIncidentAction } from '../incidents/authorize-incident-action';
import { findIncident, type IncidentRef } from '../incidents/find-incident';
import { getIncident, type IncidentDetail } from '../incidents/get-incident';
import { escalationRunOf } from './escalation-run-of';

/**
 * "Escalate now" (`POST /api/v1/incidents/{id}/escalate`, `toStep` 1-based,
 * default the step due next): checked here against the escalation as it is
 * (400 for a step the policy does not have, 409 when the incident is not
 * triggered or has no escalation), recorded on the timeline, and carried out
 * by the worker (`incident.escalate_requested` through the outbox), which
 * moves the escalation in the transaction that claims the event. Responders
 * and leads of the service's team, and admins.
 */
export async function requestEscalation(ctx: Context, principal: Principal, ref: IncidentRef, toStep?: number): Promise<IncidentDetail> {
  const incident = await findIncident(ctx, ref);
  await authorizeIncidentAction(ctx, principal, 'incident.escalate', incident);
  return recordEscalationRequest(ctx, incident, actorOf(principal), toStep);
}

/**
 * The request, once its caller is authorized: by requestEscalation, or as the
 * person paged from their phone (`incident.act_as_paged`: twilio/act-on-incident.ts).
 */
export async function recordEscalationRequest(ctx: Context, incident: { id: string; number: number }, actor: Actor, toStep?: number): Promise<IncidentDetail> {
  const outboxIds = await withTransaction(ctx.db.pool, async (client) => {
    const row = await lockEscalation(client, incident.id);
    const cannot = (why: string) => new AppError('conflict', `Cannot escalate incident #${incident.number}: ${why}`);
    if (!row) throw cannot('it has no escalation (its service had no escalation policy when it opened)');
    if (row.incidentStatus !== 'triggered') throw cannot(`it is ${row.incidentStatus}`);
    const move = manualEscalationTarget(escalationRunOf(row), row, toStep === undefined ? undefined : toStep - 1);
    if (!move.ok && move.field) {
      throw new AppError('validation_failed', `Request body is invalid: toStep ${move.reason}`, [{ path: 'toStep', message: move.reason }]);
    }
    if (!move.ok) throw cannot(move.reason);
    return recordEvents(client, [
      {
        incidentId: incident.id,
        type: 'escalation_requested',
        message: `Escalation ${toStep === undefined ? 'to the next step' : `to step ${toStep}`} requested by ${actor.display} via ${actor.via}`,
        actor: actor.id,
        via: actor.via,
        data: { toStep: toStep ?? null },
        topic: 'incident.escalate_requested',
      },
    ]);
  });
  await ctx.publisher.publish(outboxIds);
  return getIncident(ctx, { id: incident.id });
}
