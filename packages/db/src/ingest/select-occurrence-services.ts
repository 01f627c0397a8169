import { occurrenceKey } from '@heinrich/core/alert-rules/decide-rule-routes';
import type { Queryable } from '../queryable';

/**
 * Which service already holds each occurrence (fingerprint, startsAt):
 * `fingerprint\0startsAt` (startsAt as given, core occurrenceKey) → service id.
 * Among `serviceIds` (the first preferred), or `null`: whatever the service
 * (alerts (fingerprint, starts_at)); then a firing copy, then the one seen last.
 * Read before the ingest transaction, to send a re-send where its first copy
 * went (core decideRuleRoutes for a service's route rules, stickToHolders for a
 * routing integration).
 */
export async function selectOccurrenceServices(
  q: Queryable,
  serviceIds: readonly string[] | null,
  occurrences: readonly { fingerprint: string; startsAt: string }[],
): Promise<Map<string, string>> {
  if (serviceIds?.length === 0 || occurrences.length === 0) return new Map();
  const r = await q.query<{ i: string; service_id: string }>(
    `SELECT DISTINCT ON (o.i) o.i, a.service_id
       FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS o(fingerprint, starts_at, i)
       JOIN alerts a ON a.fingerprint = o.fingerprint AND a.starts_at = o.starts_at AND ($1::uuid[] IS NULL OR a.service_id = ANY($1::uuid[]))
      ORDER BY o.i, a.service_id = $4::uuid DESC, a.status = 'firing' DESC, a.last_seen_at DESC`,
    [serviceIds, occurrences.map((o) => o.fingerprint), occurrences.map((o) => o.startsAt), serviceIds?.[0] ?? null],
  );
  const out = new Map<string, string>();
  for (const row of r.rows) out.set(occurrenceKey(occurrences[Number(row.i) - 1]!), row.service_id);
  return out;
}
