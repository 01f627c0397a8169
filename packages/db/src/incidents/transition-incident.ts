import type pg from 'pg';

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface TransitionResult {
  /** false when the incident was already in (or past) that state: nothing changed */
  changed: boolean;
  /** undefined when no such incident */
  incident?: { id: string; number: number; status: IncidentStatus };
}

/**
 * Conditional updates: a click racing another click, an SMS reply racing the UI,
 * each changes the row at most once; the loser learns the state it found.
 */
export async function acknowledgeIncidentRow(client: pg.PoolClient, id: string, by: string): Promise<TransitionResult> {
  const r = await client.query<{ id: string; number: number; status: IncidentStatus }>(
    `UPDATE incidents SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2, updated_at = now()
      WHERE id = $1 AND status = 'triggered'
      RETURNING id, number, status`,
    [id, by],
  );
  if (r.rows[0]) return { changed: true, incident: r.rows[0] };
  return { changed: false, incident: await currentState(client, id) };
}

/**
 * A person resolves: the incident's alerts that still fire are marked resolved
 * by hand (a later firing copy of one opens a new incident, see ingest) and
 * their count is kept (`firingAlerts`).
 */
export async function resolveIncidentRow(client: pg.PoolClient, id: string, by: string): Promise<TransitionResult & { firingAlerts?: number }> {
  const r = await client.query<{ id: string; number: number; status: IncidentStatus; firing_alerts: number }>(
    `WITH firing AS (
       SELECT a.id FROM alerts a
        WHERE a.incident_id = $1 AND a.status = 'firing'
          AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = $1 AND i.status <> 'resolved')
        ORDER BY a.service_id, a.fingerprint, a.starts_at
          FOR UPDATE OF a
     ), inc AS (
       UPDATE incidents SET status = 'resolved', resolved_at = now(), resolved_by = $2, open_group_key = NULL, updated_at = now(),
              firing_alerts_at_resolve = (SELECT count(*) FROM firing)
        WHERE id = $1 AND status <> 'resolved'
        RETURNING id, number, status, firing_alerts_at_resolve AS firing_alerts
     ), by_hand AS (
       UPDATE alerts SET status = 'resolved', ends_at = now(), resolved_by_hand_at = now()
        WHERE id IN (SELECT id FROM firing) AND EXISTS (SELECT 1 FROM inc)
     )
     SELECT * FROM inc`,
    [id, by],
  );
  const row = r.rows[0];
  if (row) return { changed: true, incident: { id: row.id, number: row.number, status: row.status }, firingAlerts: row.firing_alerts };
  return { changed: false, incident: await currentState(client, id) };
}

async function currentState(client: pg.PoolClient, id: string) {
  const r = await client.query<{ id: string; number: number; status: IncidentStatus }>(
    `SELECT id, number, status FROM incidents WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}

/** The open incident of a group (events API acknowledge/resolve by dedup_key). */
export async function findOpenIncidentByGroup(client: pg.PoolClient, serviceId: string, groupKeyHash: string): Promise<string | undefined> {
  const r = await client.query<{ id: string }>(
    `SELECT id FROM incidents WHERE service_id = $1 AND open_group_key = $2`,
    [serviceId, groupKeyHash],
  );
  return r.rows[0]?.id;
}
