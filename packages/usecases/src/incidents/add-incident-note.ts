import { insertIncidentNote } from '@heinrich/db/incidents/insert-incident-note';
import type { IncidentEventRecord } from '@heinrich/db/incidents/list-incident-events';
import type { Context } from '../context';
import type { Actor } from './change-incident-status';
import { findIncident, type IncidentRef } from './find-incident';

/** A note on the incident's timeline, by the caller; any status, resolved included. */
export async function addIncidentNote(ctx: Context, ref: IncidentRef, text: string, actor: Actor): Promise<IncidentEventRecord> {
  const incident = await findIncident(ctx, ref);
  return insertIncidentNote(ctx.db.pool, { incidentId: incident.id, text, actor: actor.id, via: actor.via, author: actor.display });
}
