import { listIncidentAlerts, type AlertRecord } from '@heinrich/db/incidents/list-incident-alerts';
import { listIncidentEvents, type IncidentEventRecord } from '@heinrich/db/incidents/list-incident-events';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import type { Context } from '../context';
import { findIncident, type IncidentRef } from './find-incident';

/** Alerts shown with an incident; alertCounts still count all of them. */
export const MAX_ALERTS_SHOWN = 1_000;

export interface IncidentDetail {
  incident: IncidentRecord;
  alerts: AlertRecord[];
  /** oldest first */
  timeline: IncidentEventRecord[];
}

export async function getIncident(ctx: Context, ref: IncidentRef): Promise<IncidentDetail> {
  const incident = await findIncident(ctx, ref);
  const [alerts, timeline] = await Promise.all([
    listIncidentAlerts(ctx.db.pool, incident.id, MAX_ALERTS_SHOWN),
    listIncidentEvents(ctx.db.pool, incident.id),
  ]);
  return { incident, alerts, timeline };
}
