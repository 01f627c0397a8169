import type { AuditJson } from '@heinrich/db/audit/insert-audit-entry';
import type { ScheduleRecord } from './schedule-record';

/** A schedule as the audit log records it: its settings and layers, and when those layers took effect. */
export function scheduleSnapshot(s: ScheduleRecord) {
  return {
    id: s.id,
    teamId: s.teamId,
    name: s.name,
    description: s.description,
    timeZone: s.timeZone,
    version: s.version,
    effectiveFrom: s.effectiveFrom.toISOString(),
    // plain JSON data (LayerDefinition is built from JSON and holds nothing else)
    layers: s.layers as unknown as AuditJson,
  };
}
