import type pg from 'pg';

/** What the probe sends with and where its webhook goes (the probe row and its contact method). */
export interface ProbeSetup {
  serviceId: string;
  /** the events integration key's secret */
  ingestSecret: string;
  /** the probe webhook's URL, as stored on its contact method */
  webhookUrl: string;
}

export interface NewProbeRows {
  webhookUrl: string;
  signingSecret: string;
  ingestSecret: string;
  /** sha256 hex of ingestSecret, and its first characters (integration_keys) */
  secretHash: string;
  secretPrefix: string;
}

/**
 * The probe's rows, created once (the caller holds the probe's advisory lock,
 * so two workers starting together create one probe): a service marked
 * is_probe, an escalation policy without a team (so never a lead fallback)
 * whose one step pages the probe user, that user (is_probe: not a person,
 * no password, never listed) with one webhook contact method to the api
 * itself, an events integration key, and the `probe` row tying them together.
 * Exists already: its webhook URL follows PUBLIC_URL when that changed.
 */
export async function ensureProbeRows(client: pg.PoolClient, rows: NewProbeRows): Promise<ProbeSetup> {
  const existing = await client.query<{ service_id: string; ingest_secret: string; contact_method_id: string; value: string }>(
    `SELECT p.service_id, p.ingest_secret, p.contact_method_id, m.value
       FROM probe p JOIN contact_methods m ON m.id = p.contact_method_id WHERE p.id = 1`,
  );
  const found = existing.rows[0];
  if (found) {
    if (found.value !== rows.webhookUrl) await client.query(`UPDATE contact_methods SET value = $2 WHERE id = $1`, [found.contact_method_id, rows.webhookUrl]);
    return { serviceId: found.service_id, ingestSecret: found.ingest_secret, webhookUrl: rows.webhookUrl };
  }
  const r = await client.query<{ service_id: string }>(
    `WITH u AS (
       INSERT INTO users (id, name, email, is_probe, updated_at)
       VALUES (gen_random_uuid(), 'Heinrich probe', 'probe+' || gen_random_uuid() || '@heinrich.invalid', true, now())
       RETURNING id
     ), m AS (
       INSERT INTO contact_methods (id, user_id, type, value, verified_at, signing_secret)
       SELECT gen_random_uuid(), u.id, 'webhook', $1, now(), $2 FROM u
       RETURNING id, user_id
     ), ep AS (
       INSERT INTO escalation_policies (id, name, team_id, repeat, steps, updated_at)
       SELECT gen_random_uuid(), 'Heinrich probe', NULL, 0,
              jsonb_build_array(jsonb_build_object('delayMinutes', 1, 'targets', jsonb_build_array(jsonb_build_object('type', 'user', 'id', u.id)))), now()
         FROM u
       RETURNING id
     ), s AS (
       INSERT INTO services (id, name, description, escalation_policy_id, auto_resolve, urgency, is_probe, updated_at)
       SELECT gen_random_uuid(), 'Heinrich probe', 'Built in: the synthetic end-to-end probe (docs/monitoring.md). Pages no person.', ep.id, true, 'low', true, now()
         FROM ep
       RETURNING id
     ), k AS (
       INSERT INTO integration_keys (id, service_id, type, name, secret_hash, secret_prefix)
       SELECT gen_random_uuid(), s.id, 'events', 'Heinrich probe', $4, $5 FROM s
       RETURNING id, service_id
     )
     INSERT INTO probe (id, service_id, user_id, escalation_policy_id, contact_method_id, integration_key_id, ingest_secret)
     SELECT 1, k.service_id, m.user_id, ep.id, m.id, k.id, $3 FROM k, m, ep
     RETURNING service_id`,
    [rows.webhookUrl, rows.signingSecret, rows.ingestSecret, rows.secretHash, rows.secretPrefix],
  );
  return { serviceId: r.rows[0]!.service_id, ingestSecret: rows.ingestSecret, webhookUrl: rows.webhookUrl };
}

/** The probe webhook's signing secret (its contact method's); undefined while there is no probe. */
export async function findProbeSigningSecret(pool: pg.Pool): Promise<string | undefined> {
  const r = await pool.query<{ signing_secret: string | null }>(
    `SELECT m.signing_secret FROM probe p JOIN contact_methods m ON m.id = p.contact_method_id WHERE p.id = 1`,
  );
  return r.rows[0]?.signing_secret ?? undefined;
}

/** Whether the service or user is the probe's (is_probe): the API refuses to delete it. */
export async function isProbeRow(client: pg.PoolClient, table: 'services' | 'users', id: string): Promise<boolean> {
  const sql = table === 'services' ? `SELECT is_probe FROM services WHERE id = $1` : `SELECT is_probe FROM users WHERE id = $1`;
  const r = await client.query<{ is_probe: boolean }>(sql, [id]);
  return r.rows[0]?.is_probe ?? false;
}
