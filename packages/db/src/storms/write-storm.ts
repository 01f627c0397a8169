import type pg from 'pg';

/** A new active storm on the service, started by this incident (which then carries it). Returns its id. */
export async function insertStorm(
  client: pg.PoolClient,
  s: { serviceId: string; incidentId: string; startedAt: Date; triggerIncidents: number; windowSeconds: number; title: string },
): Promise<string> {
  const r = await client.query<{ id: string }>(
    `WITH storm AS (
       INSERT INTO storms (id, service_id, open_service_id, started_by_incident_id, started_at, last_incident_at, trigger_incidents, window_seconds, title)
       VALUES (gen_random_uuid(), $1, $1, $2, $3, $3, $4, $5, $6)
       RETURNING id
     )
     UPDATE incidents SET storm_id = (SELECT id FROM storm) WHERE id = $2 RETURNING storm_id AS id`,
    [s.serviceId, s.incidentId, s.startedAt, s.triggerIncidents, s.windowSeconds, s.title],
  );
  return r.rows[0]!.id;
}

/** The incident joins the storm, held (no escalation of its own). */
export async function joinStorm(client: pg.PoolClient, stormId: string, incidentId: string, openedAt: Date): Promise<void> {
  await client.query(
    `WITH inc AS (UPDATE incidents SET storm_id = $1 WHERE id = $2 AND storm_id IS NULL RETURNING id)
     UPDATE storms SET last_incident_at = GREATEST(last_incident_at, $3), incident_count = incident_count + (SELECT count(*) FROM inc),
                       held_count = held_count + (SELECT count(*) FROM inc)
      WHERE id = $1`,
    [stormId, incidentId, openedAt],
  );
}

export interface EndedStorm {
  id: string;
  startedByIncidentId: string;
  endedAt: Date;
  incidentCount: number;
  heldCount: number;
}

/** Ends an active storm (no-op when it already ended). */
export async function endStorm(client: pg.PoolClient, stormId: string, endedAt: Date): Promise<EndedStorm | undefined> {
  const r = await client.query<EndedStorm>(
    `UPDATE storms SET ended_at = $2, open_service_id = NULL
      WHERE id = $1 AND ended_at IS NULL
      RETURNING id, started_by_incident_id AS "startedByIncidentId", ended_at AS "endedAt", incident_count AS "incidentCount", held_count AS "heldCount"`,
    [stormId, endedAt],
  );
  return r.rows[0];
}

/** Active storms with their services' noise settings as stored, for the end pass. */
export async function listActiveStorms(client: pg.PoolClient | pg.Pool): Promise<{ id: string; serviceId: string; lastIncidentAt: Date; noise: unknown }[]> {
  const r = await client.query<{ id: string; serviceId: string; lastIncidentAt: Date; noise: unknown }>(
    `SELECT st.id, st.service_id AS "serviceId", st.last_incident_at AS "lastIncidentAt", s.noise
       FROM storms st JOIN services s ON s.id = st.service_id
      WHERE st.open_service_id IS NOT NULL
      ORDER BY st.started_at`,
  );
  return r.rows;
}
