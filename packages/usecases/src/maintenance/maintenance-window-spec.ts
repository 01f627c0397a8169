import type { MaintenanceWindowSpec } from '@heinrich/core/maintenance/maintenance-window';
import type { AuditJson } from '@heinrich/db/audit/insert-audit-entry';
import type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';

/** A stored window as core reads it. */
export function maintenanceWindowSpec(w: MaintenanceWindowRow): MaintenanceWindowSpec {
  return {
    id: w.id,
    reason: w.reason,
    start: w.startsAt.getTime(),
    end: w.endsAt ? w.endsAt.getTime() : null,
    recurrence: w.recurrence,
    serviceIds: w.serviceIds,
    matchers: w.matchers,
  };
}

/** The audit log's view of a window. */
export function maintenanceWindowSnapshot(w: MaintenanceWindowRow): AuditJson {
  return {
    reason: w.reason,
    serviceIds: w.serviceIds,
    matchers: w.matchers,
    teamId: w.teamId,
    start: w.startsAt.toISOString(),
    end: w.endsAt ? w.endsAt.toISOString() : null,
    recurrence: (w.recurrence as unknown as AuditJson) ?? null,
    announce: w.announce,
  };
}
