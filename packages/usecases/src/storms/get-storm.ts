import { AppError } from '@heinrich/core/app-error';
import { selectIncidents, type IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import { countStormAlertnames, selectStorms, type StormRecord } from '@heinrich/db/storms/select-storms';
import type { Context } from '../context';

/** How many of a storm's incidents its detail lists (newest first); GET /incidents?stormId= pages through all. */
export const STORM_DETAIL_INCIDENTS = 500;

export interface StormDetail {
  storm: StormRecord;
  counts: { alertname: string; count: number }[];
  incidents: IncidentRecord[];
}

/** The storm, or a 404: "Storm <id> does not exist". */
export async function findStorm(ctx: Context, stormId: string): Promise<StormRecord> {
  const [storm] = await selectStorms(ctx.db.pool, { id: stormId, limit: 1 });
  if (!storm) throw AppError.notFound('Storm', stormId);
  return storm;
}

/** A storm with its incidents (newest first) and their counts by alertname. */
export async function getStorm(ctx: Context, stormId: string): Promise<StormDetail> {
  const storm = await findStorm(ctx, stormId);
  const [counts, incidents] = await Promise.all([
    countStormAlertnames(ctx.db.pool, stormId),
    selectIncidents(ctx.db.pool, { stormId, limit: STORM_DETAIL_INCIDENTS }),
  ]);
  return { storm, counts, incidents };
}
