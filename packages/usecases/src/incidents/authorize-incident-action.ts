import type { Principal } from '@heinrich/core/authz/principal';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';

/** Acting on an incident is for responders and leads of its service's team (and admins): a 403 with the reason otherwise. */
export async function authorizeIncidentAction(
  ctx: Context,
  principal: Principal,
  action: 'incident.acknowledge' | 'incident.resolve' | 'incident.note' | 'incident.escalate',
  incident: IncidentRecord,
): Promise<void> {
  const owner = await findServiceOwner(ctx.db.pool, incident.serviceId);
  requireAllowed(principal, action, { number: incident.number, service: owner.name, team: owner.team });
}
