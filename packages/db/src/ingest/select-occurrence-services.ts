import type { Queryable } from '../queryable';

/**
 * Which of these services already holds each occurrence (fingerprint,
 * startsAt): `fingerprint\0startsAt` (startsAt as given) → service id, the
 * first service of the list preferred. Read before the ingest transaction, to
 * send a re-send where its first copy went (core decideRuleRoutes).
 */
export async function selectOccurrenceServices(
  q: Queryable,
  serviceIds: readonly string[],
  occurrences: readonly { fingerprint: string; startsAt: string }[],
): Promise<Map<string, string>> {
  if (serviceIds.length === 0 || occurrences.length === 0) return new Map();
  const r = await q.query<{ i: string; service_id: string }>(
    `SELECT DISTINCT ON (o.i) o.i, a.service_id
       FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS o(fingerprint, starts_at, i)
       JOIN alerts a ON a.fingerprint = o.fingerprint AND a.starts_at = o.starts_at AND a.service_id = ANY($1::uuid[])
      ORDER BY o.i, a.service_id = $4::uuid DESC`,
    [serviceIds, occurrences.map((o) => o.fingerprint), occurrences.map((o) => o.startsAt), serviceIds[0]],
  );
  const out = new Map<string, string>();
  for (const row of r.rows) {
    const o = occurrences[Number(row.i) - 1]!;
    out.set(`${o.fingerprint}\u0000${o.startsAt}`, row.service_id);
  }
  return out;
}
