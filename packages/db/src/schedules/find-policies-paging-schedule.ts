import type { Prisma } from '../generated/prisma/client';

/**
 * Names of the escalation policies with a step that pages this schedule (a
 * `{type: "schedule", id}` target in `steps`, jsonb containment), by name.
 */
export async function findPoliciesPagingSchedule(tx: Prisma.TransactionClient, scheduleId: string): Promise<string[]> {
  const target = JSON.stringify([{ targets: [{ type: 'schedule', id: scheduleId }] }]);
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT name FROM escalation_policies WHERE steps @> ${target}::jsonb ORDER BY name`;
  return rows.map((r) => r.name);
}
