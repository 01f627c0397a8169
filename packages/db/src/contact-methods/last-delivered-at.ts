import type { Queryable } from '../queryable';

/** For each of these contact methods, when a delivery on it last went out (sent or delivered: its latest change to that status); absent: never. */
export async function lastDeliveredAt(q: Queryable, contactMethodIds: readonly string[]): Promise<Map<string, Date>> {
  if (contactMethodIds.length === 0) return new Map();
  const r = await q.query<{ id: string; at: Date }>(
    `SELECT d.contact_method_id AS id, max(d.updated_at) AS at
       FROM deliveries d
      WHERE d.contact_method_id = ANY($1::uuid[]) AND d.status IN ('sent', 'delivered')
      GROUP BY d.contact_method_id`,
    [contactMethodIds],
  );
  return new Map(r.rows.map((row) => [row.id, row.at]));
}
