import type { Context } from '../context';
import { acknowledgeIncident, resolveIncident, type Actor } from './change-incident-status';
import { findIncident, type IncidentRef } from './find-incident';
import { getIncident, type IncidentDetail } from './get-incident';

/**
 * Acknowledge or resolve an incident named by id or number, answering with the
 * incident as it now is. Repeating the action changes nothing (no second
 * timeline event); acknowledging a resolved incident is a 409.
 */
export async function setIncidentStatus(
  ctx: Context,
  ref: IncidentRef,
  action: 'acknowledge' | 'resolve',
  actor: Actor,
): Promise<IncidentDetail> {
  const { id } = 'id' in ref ? ref : await findIncident(ctx, ref);
  await (action === 'acknowledge' ? acknowledgeIncident(ctx, id, actor) : resolveIncident(ctx, id, actor));
  return getIncident(ctx, { id });
}
