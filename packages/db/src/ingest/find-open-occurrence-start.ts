import type pg from 'pg';

/**
 * The start (as stored, ISO text) of the open occurrence of this fingerprint on
 * the service: its latest firing alert on an open incident. Run it under the
 * group's advisory lock, so two simultaneous triggers of one key agree on one
 * occurrence.
 */
export async function findOpenOccurrenceStart(client: pg.PoolClient, serviceId: string, fingerprint: string): Promise<string | undefined> {
  const r = await client.query<{ starts_at: string }>(
    `SELECT to_json(a.starts_at)#>>'{}' AS starts_at
       FROM alerts a JOIN incidents i ON i.id = a.incident_id
      WHERE a.service_id = $1 AND a.fingerprint = $2 AND i.open_group_key IS NOT NULL AND a.status = 'firing'
      ORDER BY a.starts_at DESC LIMIT 1`,
    [serviceId, fingerprint],
  );
  return r.rows[0]?.starts_at;
}
