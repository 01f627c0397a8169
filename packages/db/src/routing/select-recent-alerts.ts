import type { Queryable } from '../queryable';

/** The last `limit` alerts received (any service, and what routing integrations dropped), newest first: the preview's sample. */
export async function selectRecentAlerts(q: Queryable, limit: number): Promise<{ fingerprint: string; status: string; labels: Record<string, string>; annotations: Record<string, string> }[]> {
  const r = await q.query<{ fingerprint: string; status: string; labels: Record<string, string>; annotations: Record<string, string> }>(
    `SELECT fingerprint, status, labels, annotations FROM (
        (SELECT fingerprint, status::text AS status, labels, annotations, first_seen_at AS at FROM alerts ORDER BY first_seen_at DESC LIMIT $1)
        UNION ALL
        (SELECT fingerprint, status, labels, annotations, received_at AS at FROM unrouted_alerts WHERE outcome = 'dropped' ORDER BY received_at DESC LIMIT $1)
      ) x ORDER BY at DESC LIMIT $1`,
    [limit],
  );
  return r.rows;
}
