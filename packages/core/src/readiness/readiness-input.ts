import type { ContactMethodType } from '../delivery/contact-method-value';
import type { PlanMethod, PlanRule } from '../delivery/plan-delivery';
import type { EscalationStep } from '../escalation/escalation-policy';
import type { ScheduleRevisionInput } from '../schedule/revisions';
import type { ScheduleOverride } from '../schedule/schedule';

/** A schedule as readiness reads it: the revisions in force over the horizon and the overrides overlapping it. */
export interface ReadinessSchedule {
  id: string;
  name: string;
  teamId: string;
  /** in effectiveFrom order; the first also answers before its effectiveFrom */
  revisions: ScheduleRevisionInput[];
  /** oldest-created first (the later wins where they overlap) */
  overrides: ScheduleOverride[];
}

export interface ReadinessPolicy {
  id: string;
  name: string;
  teamId: string | null;
  repeat: number;
  steps: EscalationStep[];
}

export interface ReadinessService {
  id: string;
  name: string;
  teamId: string | null;
  policyId: string | null;
}

/** A person as delivery planning reads them (verified = verified and not opted out). */
export interface ReadinessUser {
  id: string;
  name: string;
  methods: PlanMethod[];
  /** oldest first */
  rules: PlanRule[];
}

/** Something that receives alerts or pings from a sender outside. */
export interface ReadinessIntegration {
  type: 'integration_key' | 'routing_integration' | 'heartbeat';
  id: string;
  name: string;
  teamId: string | null;
  /** the service page where it is managed (keys, heartbeats); null: the routing page */
  serviceId: string | null;
  createdAt: Date;
  /** the last alert or ping it received (kept to the minute); null: never */
  lastReceivedAt: Date | null;
}

export interface ReadinessInput {
  now: Date;
  schedules: ReadinessSchedule[];
  policies: ReadinessPolicy[];
  services: ReadinessService[];
  /** every person a policy names or a schedule's layers and overrides name (missing ones are absent) */
  users: ReadinessUser[];
  /** active ones only (revoked keys are not listed) */
  integrations: ReadinessIntegration[];
  /** channels whose provider has credentials (configuredChannels) */
  configured: ReadonlySet<ContactMethodType>;
}

/** How far ahead coverage is checked: 14 days from now. */
export const READINESS_HORIZON_DAYS = 14;
/** An integration silent this long counts as a possibly broken sender. */
export const SILENT_INTEGRATION_DAYS = 30;
