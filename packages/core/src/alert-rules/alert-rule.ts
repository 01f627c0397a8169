import type { Weekday } from '../schedule/schedule';
import type { Urgency } from '../escalation/urgency';

/**
 * A service's alert rule (docs/alert-rules.md): matchers on an alert's labels
 * and annotations, an optional time condition, and what to do with a match.
 * A service keeps an ordered list; every matching rule applies in order until
 * one that says `stop` (PagerDuty Event Orchestration's "continue" per rule
 * inverted: continuing is the default, as in Opsgenie's policies).
 */
export interface AlertRule {
  /** stable id (the API assigns one to a rule saved without it) */
  id: string;
  name: string;
  /** Alertmanager matchers on the labels, ANDed (empty: every alert) */
  matchers: string[];
  /** the same syntax on the annotations (`summary=~".*batch.*"`), ANDed */
  annotationMatchers: string[];
  /** when set, the rule matches only inside (or with `outside`, outside) this weekly window */
  time: AlertRuleTime | null;
  actions: AlertRuleActions;
  /** a match stops the evaluation: later rules are not looked at */
  stop: boolean;
}

/** Weekdays and a time of day on the wall clock of an IANA zone, e.g. Mon-Fri 09:00-18:00 Europe/Berlin. */
export interface AlertRuleTime {
  weekdays: Weekday[];
  /** HH:MM, inclusive */
  startTime: string;
  /** HH:MM, exclusive; at or before startTime: the next day */
  endTime: string;
  timeZone: string;
  /** match outside the window instead (e.g. "outside support hours") */
  outside?: boolean;
}

export interface AlertRuleActions {
  severity?: string;
  urgency?: Urgency;
  /** labels to add or overwrite; an empty value removes the label */
  labels?: Record<string, string>;
  /** annotations to add or overwrite; an empty value removes it. `{{ labels.x }}` / `{{ annotations.x }}` are replaced */
  annotations?: Record<string, string>;
  /** store the alert and its incident, page no one */
  suppress?: boolean;
  /** the service the alert goes to (one hop: that service's rules run, its route actions are not followed) */
  routeToServiceId?: string;
}

/** One rule that touched an alert and what it changed, for the alert's record and explain. */
export interface AppliedAlertRule {
  ruleId: string;
  name: string;
  /** the service whose rule it is */
  serviceId: string;
  serviceName: string;
  /** human-readable: "urgency set to low", "label team set to \"db\"", "suppressed" */
  changes: string[];
}

/** What a service's rules made of an alert. */
export interface AlertRulesOutcome {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  severity: string | null;
  /** set by a rule (overrides the service's urgency setting for this alert); null: the service decides */
  urgency: { value: Urgency; ruleId: string; name: string; serviceName: string } | null;
  suppressed: { ruleId: string; name: string; serviceName: string } | null;
  /** a route-to-service action (the first one wins), or null */
  routeTo: { serviceId: string; ruleId: string; name: string } | null;
  applied: AppliedAlertRule[];
}
