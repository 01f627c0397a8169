import type { MaintenanceRecurrence } from '@heinrich/core/maintenance/maintenance-window';
import type { Queryable } from '../queryable';
import { MAINTENANCE_WINDOW_COLUMNS, type MaintenanceWindowRow } from './maintenance-window-row';

export interface NewMaintenanceWindow {
  reason: string;
  serviceIds: string[];
  matchers: string[];
  teamId: string | null;
  startsAt: Date;
  endsAt: Date | null;
  recurrence: MaintenanceRecurrence | null;
  announce: boolean;
  createdBy: string;
}

export async function insertMaintenanceWindow(q: Queryable, w: NewMaintenanceWindow, now: Date): Promise<MaintenanceWindowRow> {
  const r = await q.query<MaintenanceWindowRow>(
    `WITH m AS (
       INSERT INTO maintenance_windows (id, reason, service_ids, matchers, team_id, starts_at, ends_at, recurrence, announce, created_by, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2::uuid[], $3::text[], $4, $5, $6, $7::jsonb, $10, $8, $9, $9)
       RETURNING *
     )
     SELECT ${MAINTENANCE_WINDOW_COLUMNS} FROM m`,
    [w.reason, w.serviceIds, w.matchers, w.teamId, w.startsAt, w.endsAt, w.recurrence === null ? null : JSON.stringify(w.recurrence), w.createdBy, now, w.announce],
  );
  return r.rows[0]!;
}

/** The window with this id; `lock`: FOR UPDATE (a change) or FOR SHARE (deciding a hold: a change waits for it). */
export async function findMaintenanceWindow(q: Queryable, id: string, opts: { lock?: 'update' | 'share' } = {}): Promise<MaintenanceWindowRow | undefined> {
  const lock = opts.lock === 'update' ? ' FOR UPDATE' : opts.lock === 'share' ? ' FOR SHARE' : '';
  const r = await q.query<MaintenanceWindowRow>(`SELECT ${MAINTENANCE_WINDOW_COLUMNS} FROM maintenance_windows m WHERE m.id = $1::uuid${lock}`, [id]);
  return r.rows[0];
}

/**
 * Windows that may be in force at `at` (started, not ended; a recurrence's
 * occurrences are core's to check), optionally only those covering `serviceId`,
 * newest first. `lock`: FOR SHARE, so ending or extending one waits for the
 * hold being decided (and then moves its held incidents' timers with it).
 */
export async function selectMaintenanceWindows(
  q: Queryable,
  s: { inForceAt?: Date; serviceId?: string; lock?: boolean; limit?: number },
): Promise<MaintenanceWindowRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (s.inForceAt) {
    params.push(s.inForceAt);
    where.push(`m.starts_at <= $${params.length} AND (m.ends_at IS NULL OR m.ends_at > $${params.length})`);
  }
  if (s.serviceId) {
    params.push(s.serviceId);
    where.push(`$${params.length}::uuid = ANY (m.service_ids)`);
  }
  params.push(s.limit ?? 500);
  const r = await q.query<MaintenanceWindowRow>(
    `SELECT ${MAINTENANCE_WINDOW_COLUMNS} FROM maintenance_windows m
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY m.starts_at DESC, m.id
      LIMIT $${params.length}${s.lock ? ' FOR SHARE OF m' : ''}`,
    params,
  );
  return r.rows;
}

/** Sets the fields given; returns the window as it is now. */
export async function updateMaintenanceWindow(q: Queryable, id: string, patch: { endsAt?: Date | null; reason?: string; announce?: boolean }, now: Date): Promise<MaintenanceWindowRow> {
  const r = await q.query<MaintenanceWindowRow>(
    `WITH m AS (
       UPDATE maintenance_windows SET
         ends_at = CASE WHEN $2 THEN $3::timestamptz ELSE ends_at END,
         reason = COALESCE($4, reason),
         announce = COALESCE($6, announce),
         updated_at = $5
       WHERE id = $1::uuid
       RETURNING *
     )
     SELECT ${MAINTENANCE_WINDOW_COLUMNS} FROM m`,
    [id, patch.endsAt !== undefined, patch.endsAt ?? null, patch.reason ?? null, now, patch.announce ?? null],
  );
  return r.rows[0]!;
}

export async function deleteMaintenanceWindow(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM maintenance_windows WHERE id = $1::uuid`, [id]);
}

/** Which of these ids are services (the others are unknown). */
export async function existingServiceIds(q: Queryable, ids: string[]): Promise<Set<string>> {
  const r = await q.query<{ id: string }>(`SELECT id::text FROM services WHERE id = ANY ($1::uuid[])`, [ids]);
  return new Set(r.rows.map((row) => row.id));
}
