/** An incident_escalations row, with what the engine needs of its incident and service. */
export interface EscalationRow {
  incidentId: string;
  policyId: string | null;
  /** the policy snapshot (core EscalationPolicy) */
  policy: unknown;
  urgency: 'high' | 'low';
  baseCycle: number;
  cycle: number;
  step: number;
  generation: number;
  status: 'active' | 'acknowledged' | 'stopped' | 'exhausted';
  nextDueAt: Date | null;
  incidentNumber: number;
  incidentStatus: 'triggered' | 'acknowledged' | 'resolved';
  serviceName: string;
  /** the service's current setting (read when an acknowledgement is handled) */
  ackTimeoutMinutes: number | null;
}

export const ESCALATION_COLUMNS = `e.incident_id AS "incidentId", e.policy_id AS "policyId", e.policy, e.urgency,
  e.base_cycle AS "baseCycle", e.cycle, e.step, e.generation, e.status::text AS status, e.next_due_at AS "nextDueAt",
  i.number AS "incidentNumber", i.status::text AS "incidentStatus", s.name AS "serviceName",
  s.ack_timeout_minutes AS "ackTimeoutMinutes"`;
