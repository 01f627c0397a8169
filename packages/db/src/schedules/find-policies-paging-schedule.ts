import type { Queryable } from '../queryable';

/**
 * Names of the escalation policies with a step that pages this schedule (a
 * `{type: "schedule", id}` target in `steps`, jsonb containment), by name.
 */
export async function findPoliciesPagingSchedule(q: Queryable, scheduleId: string): Promise<string[]> {
  const target = JSON.stringify([{ targets: [{ type: 'schedule', id: scheduleId }] }]);
  const { rows } = await q.query<{ name: string }>(`SELECT name FROM escalation_policies WHERE steps @> $1::jsonb ORDER BY name`, [target]);
  return rows.map((r) => r.name);
}
