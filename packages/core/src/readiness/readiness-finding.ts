/**
 * Paging readiness (docs/insights.md "Paging readiness"): holes in the paging
 * setup found before an incident falls into them. A finding names the object to
 * fix, how bad it is and where in the UI to fix it. Pure data.
 */

export type ReadinessSeverity = 'critical' | 'warning' | 'info';

/** Ordered most severe first (for sorting). */
export const READINESS_SEVERITIES: readonly ReadinessSeverity[] = ['critical', 'warning', 'info'];

/** What a finding is about, in the order findings of one severity are listed. */
export const READINESS_KINDS = [
  /** a schedule that a policy step targets has nobody on call for a while */
  'schedule_gap',
  /** an escalation step pages nobody for a while (every target empty at once) */
  'step_pages_nobody',
  /** someone a step reaches has no contact method that can page them at high urgency */
  'responder_unreachable',
  /** someone a step reaches is notified first only when the next step has already begun */
  'responder_slow_rules',
  'service_without_policy',
  'policy_unused',
  'schedule_unused',
  /** an integration key, routing integration or heartbeat that received nothing for 30 days */
  'integration_silent',
] as const;

export type ReadinessKind = (typeof READINESS_KINDS)[number];

export type ReadinessObjectType = 'schedule' | 'escalation_policy' | 'service' | 'user' | 'integration_key' | 'routing_integration' | 'heartbeat';

/** A stretch of time a finding is about: [start, end), UTC ISO, and its length in whole minutes. */
export interface ReadinessWindow {
  start: string;
  end: string;
  minutes: number;
}

export interface ReadinessFinding {
  /**
   * stable while the hole is the same (kind, object, and the policy and step
   * for step and responder findings; not the times): the digest tells "still
   * unfixed" by it
   */
  key: string;
  kind: ReadinessKind;
  severity: ReadinessSeverity;
  /** the object to fix */
  object: { type: ReadinessObjectType; id: string; name: string };
  /** the team that owns the object (for people: the policy's team); null: no team */
  teamId: string | null;
  /** one line a person can act on: what, which, when */
  message: string;
  /** the web UI path where it is fixed */
  link: string;
  /** where it happens, for step and responder findings: the policy and the 1-based step */
  policy?: { id: string; name: string; step: number };
  /** for gaps and empty steps: the stretches within the horizon, in order (at most MAX_WINDOWS) */
  windows?: ReadinessWindow[];
  /** for gaps and empty steps: every minute of them in the horizon, also those past MAX_WINDOWS */
  totalMinutes?: number;
}

/** Windows listed per finding; the total counts them all. */
export const MAX_WINDOWS = 20;
