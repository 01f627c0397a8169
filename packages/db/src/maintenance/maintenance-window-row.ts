import type { MaintenanceRecurrence } from '@heinrich/core/maintenance/maintenance-window';

/** A maintenance window as stored. */
export interface MaintenanceWindowRow {
  id: string;
  reason: string;
  serviceIds: string[];
  /** the services that still exist, by name */
  services: { id: string; name: string }[];
  matchers: string[];
  teamId: string | null;
  startsAt: Date;
  endsAt: Date | null;
  recurrence: MaintenanceRecurrence | null;
  /** its starts and ends are announced in the Slack channels of the services' policies */
  announce: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** incidents it held (released or not) */
  heldIncidents: number;
}

/** The select list of MaintenanceWindowRow (`m` = maintenance_windows). */
export const MAINTENANCE_WINDOW_COLUMNS = `m.id, m.reason, m.service_ids::text[] AS "serviceIds", m.matchers, m.team_id AS "teamId",
  m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.recurrence, m.announce, m.created_by AS "createdBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt",
  (SELECT COALESCE(json_agg(json_build_object('id', ms.id, 'name', ms.name) ORDER BY ms.name), '[]'::json) FROM services ms WHERE ms.id = ANY (m.service_ids)) AS services,
  (SELECT count(*)::int FROM incidents hi WHERE hi.maintenance_window_id = m.id) AS "heldIncidents"`;
