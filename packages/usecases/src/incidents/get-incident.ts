import { redactDeliveryEvent } from '@heinrich/core/delivery/redact-delivery-event';
import { listIncidentAlerts, type AlertRecord } from '@heinrich/db/incidents/list-incident-alerts';
import { listIncidentEvents, type IncidentEventRecord } from '@heinrich/db/incidents/list-incident-events';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import { findActiveSilence, type ActiveSilence } from '@heinrich/db/silences/find-active-silence';
import { hasAlertmanagerUrl } from '@heinrich/db/silences/has-alertmanager-url';
import type { Context } from '../context';
import { findIncident, type IncidentRef } from './find-incident';

/** Alerts shown with an incident; alertCounts still count all of them. */
export const MAX_ALERTS_SHOWN = 1_000;

export interface IncidentDetail {
  incident: IncidentRecord;
  alerts: AlertRecord[];
  /** oldest first */
  timeline: IncidentEventRecord[];
  /** the Alertmanager silence in force (the Silence button), if any */
  silence?: ActiveSilence | null;
  /** an integration key of the service has its Alertmanager URL configured: the Silence button can work */
  canSilence: boolean;
}

export async function getIncident(ctx: Context, ref: IncidentRef): Promise<IncidentDetail> {
  const incident = await findIncident(ctx, ref);
  const [alerts, timeline, silence, canSilence] = await Promise.all([
    listIncidentAlerts(ctx.db.pool, incident.id, MAX_ALERTS_SHOWN),
    listIncidentEvents(ctx.db.pool, incident.id),
    findActiveSilence(ctx.db.pool, incident.id, ctx.now()),
    hasAlertmanagerUrl(ctx.db.pool, incident.serviceId),
  ]);
  return { incident, alerts, timeline: timeline.map(redactDeliveryEvent), silence, canSilence };
}
