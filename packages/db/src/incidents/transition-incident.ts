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

export async function resolveIncidentRow(client: pg.PoolClient, id: string, by: string): Promise<TransitionResult> {
  const r = await client.query<{ id: string; number: number; status: IncidentStatus }>(
    `UPDATE incidents SET status = 'resolved', resolved_at = now(), resolved_by = $2, open_group_key = NULL, updated_at = now()
      WHERE id = $1 AND status <> 'resolved'
      RETURNING id, number, status`,
    [id, by],
  );
  if (r.rows[0]) return { changed: true, incident: r.rows[0] };
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
