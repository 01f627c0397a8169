import type { FlapState } from '@heinrich/core/noise/decide-flapping';
import type pg from 'pg';

/** Writes groups' flap states (ingest, under the groups' locks): one statement. */
export async function upsertFlapStates(client: pg.PoolClient, rows: { serviceId: string; keyHash: string; state: FlapState }[]): Promise<void> {
  if (rows.length === 0) return;
  const input = [...rows]
    .sort((a, b) => (a.serviceId + a.keyHash < b.serviceId + b.keyHash ? -1 : 1))
    .map(({ serviceId, keyHash, state: s }) => ({
      service_id: serviceId,
      hash: keyHash,
      firing: s.firing,
      changes: s.changes.map((d) => d.toISOString()),
      flapping_since: s.flappingSince?.toISOString() ?? null,
      flap_changes: s.flapChanges,
      incident_id: s.incidentId,
      ended_by: s.endedBy,
    }));
  await client.query(
    `INSERT INTO alert_group_flaps AS f (service_id, group_key_hash, firing, changes, flapping_since, flap_changes, incident_id, ended_by, updated_at)
     SELECT t.service_id, t.hash, t.firing, ARRAY(SELECT jsonb_array_elements_text(t.changes)::timestamptz), t.flapping_since,
            t.flap_changes, t.incident_id, t.ended_by, now()
       FROM jsonb_to_recordset($1::jsonb) AS t(service_id uuid, hash text, firing boolean, changes jsonb, flapping_since timestamptz,
            flap_changes int, incident_id uuid, ended_by text)
     ON CONFLICT (service_id, group_key_hash) DO UPDATE
       SET firing = excluded.firing, changes = excluded.changes, flapping_since = excluded.flapping_since,
           flap_changes = excluded.flap_changes, incident_id = excluded.incident_id, ended_by = excluded.ended_by,
           ended_at = CASE WHEN excluded.ended_by IS NULL THEN NULL ELSE f.ended_at END, updated_at = now()`,
    [JSON.stringify(input)],
  );
}

/**
 * Re-opens resolved incidents of flapping groups (ingest, under the groups'
 * locks, before the batch's fresh occurrences look for their group's open
 * incident): triggered again, the group's open incident. One whose group has
 * an open incident meanwhile stays resolved.
 */
export async function reopenIncidents(client: pg.PoolClient, incidentIds: string[]): Promise<{ id: string; number: number }[]> {
  if (incidentIds.length === 0) return [];
  const r = await client.query<{ id: string; number: number }>(
    `UPDATE incidents i
        SET status = 'triggered', open_group_key = i.group_key_hash, resolved_at = NULL, resolved_by = NULL,
            acknowledged_at = NULL, acknowledged_by = NULL, firing_alerts_at_resolve = NULL, updated_at = now()
      WHERE i.id = ANY($1::uuid[]) AND i.status = 'resolved'
        AND NOT EXISTS (SELECT 1 FROM incidents o WHERE o.service_id = i.service_id AND o.open_group_key = i.group_key_hash)
      RETURNING i.id, i.number`,
    [incidentIds],
  );
  return r.rows;
}

/**
 * A person resolved this incident: its group's flap state starts over (the
 * next firing is a first change, and opens a new incident that pages). When
 * the group was flapping, the episode is remembered as ended by hand (the new
 * incident's timeline says so) and its state changes are returned.
 */
export async function resetFlapStateByHand(client: pg.PoolClient, incidentId: string): Promise<{ wasFlapping: boolean; flapChanges: number } | null> {
  const r = await client.query<{ was_flapping: boolean; flap_changes: number }>(
    `WITH old AS (
       SELECT f.service_id, f.group_key_hash, f.flapping_since IS NOT NULL AS was_flapping
         FROM alert_group_flaps f JOIN incidents i ON f.service_id = i.service_id AND f.group_key_hash = i.group_key_hash
        WHERE i.id = $1
          FOR UPDATE OF f
     )
     UPDATE alert_group_flaps f
        SET firing = false, changes = '{}', flapping_since = NULL,
            ended_by = CASE WHEN o.was_flapping THEN 'hand' ELSE f.ended_by END,
            ended_at = CASE WHEN o.was_flapping THEN now() ELSE f.ended_at END,
            incident_id = CASE WHEN o.was_flapping THEN $1::uuid ELSE f.incident_id END,
            updated_at = now()
       FROM old o
      WHERE f.service_id = o.service_id AND f.group_key_hash = o.group_key_hash
      RETURNING o.was_flapping, f.flap_changes`,
    [incidentId],
  );
  const row = r.rows[0];
  return row ? { wasFlapping: row.was_flapping, flapChanges: row.flap_changes } : null;
}
