import { actorOf, type Principal } from '@heinrich/core/authz/principal';
import type { Context } from '../context';
import { authorizeIncidentAction } from './authorize-incident-action';
import { acknowledgeIncident, resolveIncident } from './change-incident-status';
import { findIncident, type IncidentRef } from './find-incident';
import { getIncident, type IncidentDetail } from './get-incident';

/**
 * Acknowledge or resolve an incident named by id or number, answering with the
 * incident as it now is. Repeating the action changes nothing (no second
 * timeline event); acknowledging a resolved incident is a 409. Who may: the
 * responders and leads of the service's team, and admins.
 */
export async function setIncidentStatus(
  ctx: Context,
  principal: Principal,
  ref: IncidentRef,
  action: 'acknowledge' | 'resolve',
): Promise<IncidentDetail> {
  const incident = await findIncident(ctx, ref);
  await authorizeIncidentAction(ctx, principal, action === 'acknowledge' ? 'incident.acknowledge' : 'incident.resolve', incident);
  const actor = actorOf(principal);
  await (action === 'acknowledge' ? acknowledgeIncident(ctx, incident.id, actor) : resolveIncident(ctx, incident.id, actor));
  return getIncident(ctx, { id: incident.id });
}
