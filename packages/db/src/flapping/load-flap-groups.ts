import type { FlapInput, FlapState } from '@heinrich/core/noise/decide-flapping';
import type pg from 'pg';

/** One alert group an ingest batch touched, with what core's decideFlapping needs (but the settings). */
export interface FlapGroupRow extends Omit<FlapInput, 'settings'> {
  serviceId: string;
  keyHash: string;
}

/**
 * For each (service, group) of an ingest batch, once its known occurrences are
 * updated and superseded ones marked: the stored flap state (row locked; the
 * caller holds the group's ingest lock anyway), whether some alert of the group
 * fires once the batch is applied (a firing alert of its open incident — firing
 * alerts only live in open incidents — or a fresh firing occurrence of the
 * batch), its open incident, and its latest incident when none is open. `now`
 * is the transaction's instant (the database's clock, like resolved_at).
 */
export async function loadFlapGroups(
  client: pg.PoolClient,
  groups: { serviceId: string; keyHash: string; freshFiring: boolean }[],
): Promise<FlapGroupRow[]> {
  if (groups.length === 0) return [];
  const r = await client.query<{
    service_id: string;
    hash: string;
    now: Date;
    firing_now: boolean;
    stored: boolean;
    firing: boolean | null;
    changes: Date[] | null;
    flapping_since: Date | null;
    flap_changes: number | null;
    incident_id: string | null;
    ended_by: 'quiet' | 'hand' | null;
    open_incident_id: string | null;
    last_incident: { id: string; number: number; resolvedAt: string; byHand: boolean } | null;
  }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(service_id uuid, hash text, fresh_firing boolean)
     ), locked AS (
       SELECT f.* FROM alert_group_flaps f JOIN input k ON f.service_id = k.service_id AND f.group_key_hash = k.hash
        ORDER BY f.service_id, f.group_key_hash
          FOR UPDATE OF f
     ), g AS (
       SELECT k.*, (SELECT o.id FROM incidents o WHERE o.service_id = k.service_id AND o.open_group_key = k.hash) AS open_incident_id
         FROM input k
     )
     SELECT g.service_id, g.hash, now() AS now,
            (g.fresh_firing OR EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = g.open_incident_id AND a.status = 'firing')) AS firing_now,
            (l.service_id IS NOT NULL) AS stored, l.firing, l.changes, l.flapping_since, l.flap_changes, l.incident_id, l.ended_by,
            g.open_incident_id,
            CASE WHEN l.service_id IS NOT NULL AND g.open_incident_id IS NULL THEN
              (SELECT json_build_object('id', li.id, 'number', li.number, 'resolvedAt', li.resolved_at,
                                        'byHand', li.resolved_by IS DISTINCT FROM 'system')
                 FROM incidents li
                WHERE li.service_id = g.service_id AND li.group_key_hash = g.hash AND li.status = 'resolved'
                ORDER BY li.created_at DESC LIMIT 1)
            END AS last_incident
       FROM g LEFT JOIN locked l ON l.service_id = g.service_id AND l.group_key_hash = g.hash`,
    [JSON.stringify(groups.map((g) => ({ service_id: g.serviceId, hash: g.keyHash, fresh_firing: g.freshFiring })))],
  );
  return r.rows.map((row) => {
    const stored: FlapState | null = row.stored
      ? {
          firing: row.firing!,
          changes: row.changes ?? [],
          flappingSince: row.flapping_since,
          flapChanges: row.flap_changes ?? 0,
          incidentId: row.incident_id,
          endedBy: row.ended_by,
        }
      : null;
    const li = row.last_incident;
    return {
      serviceId: row.service_id,
      keyHash: row.hash,
      now: row.now,
      stored,
      firingNow: row.firing_now,
      openIncidentId: row.open_incident_id,
      lastIncident: li ? { id: li.id, number: li.number, resolvedAt: new Date(li.resolvedAt), byHand: li.byHand } : null,
    };
  });
}
