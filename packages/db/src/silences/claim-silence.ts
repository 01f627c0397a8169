import type pg from 'pg';
import type { StoredMatcher } from './silence-row';

export interface SilenceClaim {
  incidentId: string;
  integrationKeyId: string | null;
  alertmanagerUrl: string;
  matchers: StoredMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  createdByName: string;
}

/**
 * Claims the incident's one open silence before Alertmanager is called: a row
 * with no silence id yet. Returns its id, or null when the incident already has
 * an open silence (UNIQUE open_for): two clicks make one silence, not two.
 */
export async function claimSilence(client: pg.PoolClient, c: SilenceClaim): Promise<string | null> {
  const r = await client.query<{ id: string }>(
    `INSERT INTO incident_silences (id, incident_id, open_for, integration_key_id, alertmanager_url, matchers, starts_at, ends_at, created_by, created_by_name)
     VALUES (gen_random_uuid(), $1, $1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     ON CONFLICT (open_for) DO NOTHING
     RETURNING id`,
    [c.incidentId, c.integrationKeyId, c.alertmanagerUrl, JSON.stringify(c.matchers), c.startsAt, c.endsAt, c.createdBy, c.createdByName],
  );
  return r.rows[0]?.id ?? null;
}

/** Alertmanager made the silence: its id goes on the claimed row. */
export async function setSilenceId(client: pg.PoolClient, id: string, silenceId: string): Promise<void> {
  await client.query(`UPDATE incident_silences SET silence_id = $2 WHERE id = $1`, [id, silenceId]);
}

/** Alertmanager refused or could not be reached: the claim goes, nothing was silenced. */
export async function dropSilenceClaim(db: pg.Pool | pg.PoolClient, id: string): Promise<void> {
  await db.query(`DELETE FROM incident_silences WHERE id = $1 AND silence_id IS NULL`, [id]);
}

/**
 * Closes an open silence (expired by someone, expired in Alertmanager, or
 * ended): no longer open, so it is not polled and a new one may be made.
 * False when it was closed already.
 */
export async function closeSilence(client: pg.PoolClient, id: string, at: Date, by: string): Promise<boolean> {
  const r = await client.query(
    `UPDATE incident_silences SET open_for = NULL, expired_at = $2, expired_by = $3 WHERE id = $1 AND open_for IS NOT NULL`,
    [id, at, by],
  );
  return (r.rowCount ?? 0) > 0;
}
