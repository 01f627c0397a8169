import type pg from 'pg';

/**
 * Marks firing occurrences superseded (a newer occurrence of their fingerprint
 * fired). They stop counting as firing; their incident may then auto-resolve.
 * Rows locked in occurrence order (loadFingerprintOccurrences took the locks).
 */
export async function supersedeOccurrences(client: pg.PoolClient, alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return;
  await client.query(
    `UPDATE alerts SET status = 'superseded', ends_at = now(), last_seen_at = now()
      WHERE id = ANY($1::uuid[]) AND status = 'firing'`,
    [alertIds],
  );
}
