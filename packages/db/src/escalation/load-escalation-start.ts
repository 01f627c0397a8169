import type pg from 'pg';

export interface EscalationStartRow {
  incidentNumber: number;
  incidentStatus: 'triggered' | 'acknowledged' | 'resolved';
  incidentSeverity: string | null;
  serviceId: string;
  serviceName: string;
  /** high | low | by_severity (the column's value) */
  serviceUrgency: string;
  policyId: string | null;
  policyName: string | null;
  policyTeamId: string | null;
  policyRepeat: number | null;
  policySteps: unknown;
  /** a directly assigned manual incident's own policy (replaces the service's) */
  assignment: unknown;
  /** every alert's severity (null for none) */
  alertSeverities: (string | null)[];
  /** every alert's severity with the urgency an alert rule set on it (null: none), in the same order */
  alertUrgencies: { severity: string | null; rule: { value: 'high' | 'low'; name: string; serviceName: string } | null }[];
}

/**
 * What beginning an incident's escalation needs, in one round trip: the
 * incident (locked FOR SHARE, so an acknowledgement racing the start waits for
 * it or is seen by it), its service's urgency and policy, its alerts' severities.
 */
export async function loadEscalationStart(client: pg.PoolClient, incidentId: string): Promise<EscalationStartRow | undefined> {
  const r = await client.query<EscalationStartRow>(
    `SELECT i.number AS "incidentNumber", i.status::text AS "incidentStatus", i.severity AS "incidentSeverity",
            s.id AS "serviceId", s.name AS "serviceName", s.urgency::text AS "serviceUrgency",
            p.id AS "policyId", p.name AS "policyName", p.team_id AS "policyTeamId", p.repeat AS "policyRepeat", p.steps AS "policySteps",
            i.assignment AS "assignment",
            ARRAY(SELECT a.severity FROM alerts a WHERE a.incident_id = i.id ORDER BY a.first_seen_at) AS "alertSeverities",
            (SELECT COALESCE(jsonb_agg(jsonb_build_object('severity', a.severity, 'rule', a.alert_rules->'urgency') ORDER BY a.first_seen_at), '[]'::jsonb)
               FROM alerts a WHERE a.incident_id = i.id) AS "alertUrgencies"
       FROM incidents i
       JOIN services s ON s.id = i.service_id
       LEFT JOIN escalation_policies p ON p.id = s.escalation_policy_id
      WHERE i.id = $1
        FOR SHARE OF i`,
    [incidentId],
  );
  return r.rows[0];
}
