import type pg from 'pg';
import type { Queryable } from '../queryable';

/** What deciding a maintenance hold needs of a newly opened incident (kinds as load-storm-input reads them). */
export interface MaintenanceHoldRow {
  id: string;
  serviceId: string;
  createdAt: Date;
  kind: 'alert' | 'manual' | 'heartbeat';
  /** set when it was already decided (a re-handled event) */
  maintenanceUntil: Date | null;
}

export async function loadMaintenanceHoldInput(client: pg.PoolClient, incidentId: string): Promise<MaintenanceHoldRow | undefined> {
  const r = await client.query<MaintenanceHoldRow>(
    `SELECT i.id, i.service_id AS "serviceId", i.created_at AS "createdAt",
            CASE WHEN i.group_key LIKE 'manual:%' THEN 'manual' WHEN i.group_key LIKE 'heartbeat:%' THEN 'heartbeat' ELSE 'alert' END AS kind,
            i.maintenance_until AS "maintenanceUntil"
       FROM incidents i WHERE i.id = $1`,
    [incidentId],
  );
  return r.rows[0];
}

/** The distinct label sets of the incident's alerts (only read when a window in force has matchers). */
export async function loadIncidentAlertLabels(client: pg.PoolClient, incidentId: string): Promise<Record<string, string>[]> {
  const r = await client.query<{ labels: Record<string, string> }>(`SELECT DISTINCT labels FROM alerts WHERE incident_id = $1`, [incidentId]);
  return r.rows.map((row) => row.labels);
}

/** Marks the incident held by the window until `until` (no-op when already decided). */
export async function holdIncident(client: pg.PoolClient, h: { incidentId: string; windowId: string; reason: string; until: Date }): Promise<boolean> {
  const r = await client.query(
    `UPDATE incidents SET maintenance_window_id = $2, maintenance_reason = $3, maintenance_until = $4
      WHERE id = $1 AND maintenance_until IS NULL`,
    [h.incidentId, h.windowId, h.reason, h.until],
  );
  return (r.rowCount ?? 0) > 0;
}

/** The window's incidents still held, with when they opened (to recompute their timers after a change of the window). */
export async function listHeldIncidents(q: Queryable, windowId: string): Promise<{ id: string; createdAt: Date; until: Date }[]> {
  const r = await q.query<{ id: string; createdAt: Date; until: Date }>(
    `SELECT id, created_at AS "createdAt", maintenance_until AS until FROM incidents
      WHERE maintenance_window_id = $1 AND maintenance_released_at IS NULL AND maintenance_until IS NOT NULL`,
    [windowId],
  );
  return r.rows;
}

/** Moves the hold's end of held incidents (a window extended or ended). */
export async function setHeldUntil(q: Queryable, changes: { id: string; until: Date }[]): Promise<void> {
  if (changes.length === 0) return;
  await q.query(
    `UPDATE incidents i SET maintenance_until = c.until
       FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, until)
      WHERE i.id = c.id AND i.maintenance_released_at IS NULL`,
    [changes.map((c) => c.id), changes.map((c) => c.until)],
  );
}

/** An incident whose hold has ended, claimed for release. */
export interface DueHeldIncident {
  id: string;
  number: number;
  status: 'triggered' | 'acknowledged' | 'resolved';
  windowId: string | null;
  reason: string;
  until: Date;
  firingAlerts: number;
}

/**
 * Claims ONE held incident whose hold ended by `now` (FOR UPDATE SKIP LOCKED:
 * two workers never claim the same one; the claim holds until the caller's
 * transaction ends, which marks it released). In opening order (number), so
 * storm detection sees released incidents in the order they opened.
 */
export async function claimDueHeldIncident(client: pg.PoolClient, now: Date): Promise<DueHeldIncident | undefined> {
  const r = await client.query<DueHeldIncident>(
    `SELECT i.id, i.number, i.status::text AS status, i.maintenance_window_id AS "windowId", i.maintenance_reason AS reason,
            i.maintenance_until AS until,
            (SELECT count(*)::int FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing') AS "firingAlerts"
       FROM incidents i
      WHERE i.maintenance_until <= $1 AND i.maintenance_released_at IS NULL
      ORDER BY i.maintenance_until, i.number
      LIMIT 1
      FOR UPDATE OF i SKIP LOCKED`,
    [now],
  );
  return r.rows[0];
}

export async function markReleased(client: pg.PoolClient, incidentId: string, release: 'paged' | 'resolved' | 'acknowledged' | 'not_firing', at: Date): Promise<void> {
  await client.query(`UPDATE incidents SET maintenance_released_at = $2, maintenance_release = $3 WHERE id = $1`, [incidentId, at, release]);
}

/** What a window held, for its page: newest first. */
export interface HeldIncidentRow {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  serviceId: string;
  serviceName: string;
  policyId: string | null;
  severity: string | null;
  createdAt: Date;
  heldUntil: Date;
  releasedAt: Date | null;
  release: 'paged' | 'resolved' | 'acknowledged' | 'not_firing' | null;
}

export async function listWindowIncidents(q: Queryable, windowId: string, limit = 200): Promise<HeldIncidentRow[]> {
  const r = await q.query<HeldIncidentRow>(
    `SELECT i.id, i.number, i.title, i.status::text AS status, i.service_id AS "serviceId", s.name AS "serviceName",
            s.escalation_policy_id AS "policyId", i.severity, i.created_at AS "createdAt", i.maintenance_until AS "heldUntil",
            i.maintenance_released_at AS "releasedAt", i.maintenance_release AS release
       FROM incidents i JOIN services s ON s.id = i.service_id
      WHERE i.maintenance_window_id = $1
      ORDER BY i.created_at DESC, i.number DESC
      LIMIT $2`,
    [windowId, limit],
  );
  return r.rows;
}
