import type { MaintenanceHeldIncidentJson, MaintenanceWindowJson } from '@heinrich/contracts/maintenance-windows';
import { maintenanceOccurrences } from '@heinrich/core/maintenance/maintenance-occurrences';
import type { MaintenanceWindowRow } from '@heinrich/usecases/maintenance/maintenance-window-row';
import type { WindowIncident } from '@heinrich/usecases/maintenance/list-window-incidents';
import { maintenanceWindowSpec } from '@heinrich/usecases/maintenance/maintenance-window-spec';

const WEEKS_AHEAD = 8 * 7 * 86_400_000;
const stretch = (o: { start: number; end: number }) => ({ start: new Date(o.start).toISOString(), end: new Date(Math.min(o.end, 8.64e15)).toISOString() });

/** A window as the API shows it, with what covers now and what comes next (as of `now`). */
export function maintenanceWindowJson(w: MaintenanceWindowRow, now: Date): MaintenanceWindowJson {
  const t = now.getTime();
  const spec = maintenanceWindowSpec(w);
  const around = maintenanceOccurrences(spec, t, t + WEEKS_AHEAD);
  const current = around.find((o) => o.start <= t && t < o.end) ?? null;
  const next = around.find((o) => o.start > t) ?? null;
  return {
    id: w.id,
    reason: w.reason,
    serviceIds: w.serviceIds,
    services: w.services,
    matchers: w.matchers,
    teamId: w.teamId,
    start: w.startsAt.toISOString(),
    end: w.endsAt?.toISOString() ?? null,
    recurrence: w.recurrence,
    announce: w.announce,
    active: current !== null,
    current: current ? stretch(current) : null,
    next: next ? stretch(next) : null,
    heldIncidents: w.heldIncidents,
    createdBy: w.createdBy,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function heldIncidentJson(i: WindowIncident): MaintenanceHeldIncidentJson {
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    serviceId: i.serviceId,
    serviceName: i.serviceName,
    createdAt: i.createdAt.toISOString(),
    heldUntil: i.heldUntil.toISOString(),
    releasedAt: i.releasedAt?.toISOString() ?? null,
    release: i.release,
    wouldHavePaged: i.wouldHavePaged,
  };
}
