import { actorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertIncidentNote } from '@heinrich/db/incidents/insert-incident-note';
import type { IncidentEventRecord } from '@heinrich/db/incidents/list-incident-events';
import type { Context } from '../context';
import { authorizeIncidentAction } from './authorize-incident-action';
import { findIncident, type IncidentRef } from './find-incident';

/** A note on the incident's timeline, by the caller; any status, resolved included. */
export async function addIncidentNote(ctx: Context, principal: Principal, ref: IncidentRef, text: string): Promise<IncidentEventRecord> {
  const incident = await findIncident(ctx, ref);
  await authorizeIncidentAction(ctx, principal, 'incident.note', incident);
  const actor = actorOf(principal);
  return insertIncidentNote(ctx.db.pool, { incidentId: incident.id, text, actor: actor.id, via: actor.via, author: actor.display });
}
