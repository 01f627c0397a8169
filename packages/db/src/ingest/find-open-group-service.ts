import type { Queryable } from '../queryable';

/** Which of these services has an open incident of this group (events API: `events:` + dedup_key), the first preferred; undefined when none. */
export async function findOpenGroupService(q: Queryable, serviceIds: readonly string[], groupKeyHash: string): Promise<string | undefined> {
  if (serviceIds.length === 0) return undefined;
  const r = await q.query<{ service_id: string }>(
    `SELECT service_id FROM incidents WHERE service_id = ANY($1::uuid[]) AND open_group_key = $2
      ORDER BY service_id = $3::uuid DESC LIMIT 1`,
    [serviceIds, groupKeyHash, serviceIds[0]],
  );
  return r.rows[0]?.service_id;
}
