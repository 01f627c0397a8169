import { decideMaintenanceHold } from '@heinrich/core/maintenance/decide-maintenance-hold';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { holdIncident, loadIncidentAlertLabels, loadMaintenanceHoldInput } from '@heinrich/db/maintenance/maintenance-hold';
import { selectMaintenanceWindows } from '@heinrich/db/maintenance/write-maintenance-window';
import type pg from 'pg';
import { ENGINE_ACTOR } from '../escalation/advance-escalation';
import { maintenanceWindowSpec } from './maintenance-window-spec';

/**
 * Maintenance first (docs/noise.md "The order of the rules"), on
 * `incident.opened` in the transaction that claims the outbox row, before the
 * storm decision: load the windows in force on the incident's service when
 * it opened (FOR SHARE: ending or extending one waits for this decision, then
 * moves this incident's hold with it) -> core decideMaintenanceHold -> mark
 * the incident held until the end of the covering stretch, with a timeline
 * entry. A held incident is not escalated; the release pass pages it when
 * the hold ends if it still fires. A re-handled event keeps its decision.
 */
export async function applyMaintenanceHold(client: pg.PoolClient, incidentId: string, now: Date): Promise<{ held: boolean }> {
  const row = await loadMaintenanceHoldInput(client, incidentId);
  if (!row) return { held: false };
  // decided before (a re-handled event): the release pass owns it from here, whether its hold has ended or not
  if (row.maintenanceUntil) return { held: true };
  const windows = await selectMaintenanceWindows(client, { inForceAt: row.createdAt, serviceId: row.serviceId, lock: true });
  if (windows.length === 0) return { held: false };
  const alertLabels = windows.some((w) => w.matchers.length > 0) ? await loadIncidentAlertLabels(client, incidentId) : [];
  const decision = decideMaintenanceHold({
    serviceId: row.serviceId,
    openedAt: row.createdAt.getTime(),
    now: now.getTime(),
    kind: row.kind,
    alertLabels,
    windows: windows.map(maintenanceWindowSpec),
  });
  if (!decision.held) return { held: false };
  const until = new Date(decision.until);
  if (!(await holdIncident(client, { incidentId, windowId: decision.windowId, reason: decision.reason, until }))) return { held: false };
  await recordEvents(client, [
    {
      incidentId,
      type: 'maintenance_held',
      data: { windowId: decision.windowId, reason: decision.reason, until: until.toISOString() },
      message: `Held by maintenance ${JSON.stringify(decision.reason)}: nobody is paged while it lasts (until ${until.toISOString()}); if it still fires then, it pages`,
      actor: ENGINE_ACTOR,
      via: null,
    },
  ]);
  return { held: true };
}
