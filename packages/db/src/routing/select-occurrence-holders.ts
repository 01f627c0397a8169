import type { Queryable } from '../queryable';

/**
 * Which service holds each occurrence (fingerprint, startsAt), whatever the
 * service (alerts (fingerprint, starts_at)): `fingerprint\0startsAt` (startsAt as
 * given) → service id; a firing copy preferred, then the one seen last. For a
 * routing integration, to send a re-send and its resolve where the first copy
 * went (core stickToHolders).
 */
export async function selectOccurrenceHolders(
  q: Queryable,
  occurrences: readonly { fingerprint: string; startsAt: string }[],
): Promise<Map<string, string>> {
  if (occurrences.length === 0) return new Map();
  const r = await q.query<{ i: string; service_id: string }>(
    `SELECT DISTINCT ON (o.i) o.i, a.service_id
       FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS o(fingerprint, starts_at, i)
       JOIN alerts a ON a.fingerprint = o.fingerprint AND a.starts_at = o.starts_at
      ORDER BY o.i, a.status = 'firing' DESC, a.last_seen_at DESC`,
    [occurrences.map((o) => o.fingerprint), occurrences.map((o) => o.startsAt)],
  );
  const out = new Map<string, string>();
  for (const row of r.rows) {
    const o = occurrences[Number(row.i) - 1]!;
    out.set(`${o.fingerprint}\u0000${o.startsAt}`, row.service_id);
  }
  return out;
}
