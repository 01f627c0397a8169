import type pg from 'pg';

/**
 * Serializes deliveries that touch the same groups of a service: a
 * transaction-scoped advisory lock per group, taken in sorted order, so twenty
 * copies of one notification (HA Alertmanagers, retries) queue up instead of
 * deadlocking on each other's rows. Different groups still ingest in parallel.
 */
export async function lockGroups(client: pg.PoolClient, serviceId: string, groupKeyHashes: string[]): Promise<void> {
  const keys = [...new Set(groupKeyHashes)].sort();
  if (keys.length === 0) return;
  await client.query(
    `SELECT pg_advisory_xact_lock(s.h)
       FROM (SELECT hashtextextended($1 || ':' || k, 0) AS h FROM unnest($2::text[]) AS k ORDER BY 1) AS s`,
    [serviceId, keys],
  );
}
