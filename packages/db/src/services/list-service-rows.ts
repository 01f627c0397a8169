import type pg from 'pg';
import type { Service } from '../generated/prisma/client';

/**
 * Where a page ends: created_at as text with Postgres' full microsecond
 * precision (a JS Date would round it to milliseconds and repeat or skip rows
 * at the page boundary) and the id that breaks ties.
 */
export interface ServicePosition {
  createdAt: string;
  id: string;
}

/** Services in creation order (created_at, id), the page after `after`; never the hidden service of test pages. */
export async function listServiceRows(
  pool: pg.Pool,
  opts: { after?: ServicePosition; limit: number },
): Promise<{ rows: Service[]; next: ServicePosition | null }> {
  const r = await pool.query<{
    id: string;
    name: string;
    description: string | null;
    team_id: string | null;
    escalation_policy_id: string | null;
    group_by: string[];
    auto_resolve: boolean;
    urgency: string;
    ack_timeout_minutes: number | null;
    routing_name: string | null;
    noise: Service['noise'];
    alert_rules: Service['alertRules'];
    is_probe: boolean;
    created_at: Date;
    updated_at: Date;
    position: string;
  }>(
    `SELECT id, name, description, team_id, escalation_policy_id, group_by, auto_resolve, urgency::text AS urgency,
            ack_timeout_minutes, routing_name, noise, alert_rules, is_probe, created_at, updated_at,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
       FROM services
      WHERE ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
        -- the hidden service of test pages (is_test) is never listed
        AND NOT is_test
      ORDER BY created_at, id
      LIMIT $3`,
    [opts.after?.createdAt ?? null, opts.after?.id ?? null, opts.limit + 1],
  );
  const page = r.rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      teamId: row.team_id,
      escalationPolicyId: row.escalation_policy_id,
      groupBy: row.group_by,
      autoResolve: row.auto_resolve,
      // the column stores Prisma's @map name
      urgency: row.urgency === 'by_severity' ? 'bySeverity' : (row.urgency as Service['urgency']),
      ackTimeoutMinutes: row.ack_timeout_minutes,
      routingName: row.routing_name,
      noise: row.noise,
      alertRules: row.alert_rules,
      isProbe: row.is_probe,
      isTest: false,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    next: r.rows.length > opts.limit && last ? { createdAt: last.position, id: last.id } : null,
  };
}
