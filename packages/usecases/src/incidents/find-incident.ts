import { AppError } from '@heinrich/core/app-error';
import { selectIncidents, type IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import type { Context } from '../context';

/** An incident named by its id or by its short number (#42). */
export type IncidentRef = { id: string } | { number: number };

/** The incident, or a 404: "Incident #42 does not exist". */
export async function findIncident(ctx: Context, ref: IncidentRef): Promise<IncidentRecord> {
  const [incident] = await selectIncidents(ctx.db.pool, { ...ref, limit: 1 });
  if (!incident) throw AppError.notFound('Incident', 'id' in ref ? ref.id : `#${ref.number}`);
  return incident;
}
