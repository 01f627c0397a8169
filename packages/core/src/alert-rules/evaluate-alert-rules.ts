import { matchesAll } from '../matchers/label-matcher';
import type { AlertRulesOutcome, AppliedAlertRule } from './alert-rule';
import { compileAlertRules, insideTime, type CompiledAlertRule } from './compile-alert-rules';

/** What rules read of an alert. */
export interface RuleInputAlert {
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  severity: string | null;
}

export interface EvaluateOptions {
  /** false: route actions are ignored (the target of a route: routing is one hop) */
  followRoutes?: boolean;
  /** a route target's name, for the change line ("routed to Payments"); unknown: its id */
  serviceName?: (serviceId: string) => string | undefined;
}

export interface RuleService {
  id: string;
  name: string;
}

/**
 * A service's alert rules applied to one new alert at instant `now` (epoch
 * ms), pure: every rule whose matchers (labels and annotations, each ANDed)
 * and time condition match applies its actions, in order, each seeing what the
 * earlier ones changed; a matching rule with `stop` ends the evaluation.
 * Later actions win over earlier ones (a later severity replaces an earlier
 * one); a suppression stays; the first route-to-service wins. `followRoutes:
 * false` (the target of a route: routing is one hop) ignores route actions.
 * Also what a preview calls (docs/alert-rules.md).
 */
export function evaluateAlertRules(
  rules: readonly CompiledAlertRule[],
  alert: RuleInputAlert,
  now: number,
  service: RuleService,
  opts: EvaluateOptions = {},
): AlertRulesOutcome {
  const labels: Record<string, string> = { ...alert.labels };
  const annotations: Record<string, string> = { ...alert.annotations };
  const out: AlertRulesOutcome = { labels, annotations, severity: alert.severity, urgency: null, suppressed: null, routeTo: null, applied: [] };
  for (const c of rules) {
    if (!matchesAll(c.labels, labels) || !matchesAll(c.annotations, annotations)) continue;
    if (c.time && insideTime(c.time, now) === c.time.outside) continue;
    const { rule } = c;
    const a = rule.actions;
    const changes: string[] = [];
    if (a.severity !== undefined && a.severity !== out.severity) {
      changes.push(`severity set to ${JSON.stringify(a.severity)}${out.severity === null ? '' : ` (was ${JSON.stringify(out.severity)})`}`);
      out.severity = a.severity;
      labels['severity'] = a.severity;
    }
    if (a.urgency !== undefined) {
      changes.push(`urgency ${a.urgency === 'low' ? 'lowered to low' : 'raised to high'}`);
      out.urgency = { value: a.urgency, ruleId: rule.id, name: rule.name, serviceName: service.name };
    }
    for (const [name, value] of Object.entries(a.labels ?? {})) changes.push(...setKey(labels, 'label', name, render(value, labels, annotations)));
    for (const [name, value] of Object.entries(a.annotations ?? {})) changes.push(...setKey(annotations, 'annotation', name, render(value, labels, annotations)));
    if (a.suppress && !out.suppressed) {
      changes.push('suppressed');
      out.suppressed = { ruleId: rule.id, name: rule.name, serviceName: service.name };
    }
    if (a.routeToServiceId && opts.followRoutes !== false && !out.routeTo) {
      const target = opts.serviceName?.(a.routeToServiceId);
      changes.push(target ? `routed to ${target}` : `routed to service ${a.routeToServiceId}`);
      out.routeTo = { serviceId: a.routeToServiceId, ruleId: rule.id, name: rule.name };
    }
    if (rule.stop) changes.push('stopped: later rules not evaluated');
    const applied: AppliedAlertRule = { ruleId: rule.id, name: rule.name, serviceId: service.id, serviceName: service.name, changes };
    out.applied.push(applied);
    if (rule.stop) break;
  }
  return out;
}

function setKey(target: Record<string, string>, kind: string, name: string, value: string): string[] {
  const had = Object.hasOwn(target, name);
  if (value === '') {
    if (!had) return [];
    delete target[name];
    return [`${kind} ${name} removed`];
  }
  if (had && target[name] === value) return [];
  target[name] = value;
  return [`${kind} ${name} ${had ? 'rewritten' : 'added'}: ${JSON.stringify(value)}`];
}

/** `{{ labels.name }}` and `{{ annotations.name }}` read the alert (missing: empty). Nothing else is a template. */
function render(value: string, labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): string {
  return value.replace(/\{\{\s*(labels|annotations)\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, kind: string, name: string) =>
    (kind === 'labels' ? labels[name] : annotations[name]) ?? '',
  );
}

/** Compile and evaluate in one call (a preview's convenience; ingest compiles once per rule set). */
export function evaluateAlertRuleList(
  rules: Parameters<typeof compileAlertRules>[0],
  alert: RuleInputAlert,
  now: number,
  service: RuleService,
  opts: EvaluateOptions = {},
): AlertRulesOutcome {
  return evaluateAlertRules(compileAlertRules(rules), alert, now, service, opts);
}

/** "urgency lowered to low by rule 'batch jobs are low' on Collector": one line per change, for explain and the timeline. */
export function describeAppliedRules(applied: readonly AppliedAlertRule[]): string[] {
  return applied.flatMap((r) => (r.changes.length === 0 ? [`matched rule ${JSON.stringify(r.name)} on ${r.serviceName} (no change)`] : r.changes.map((c) => `${c} by rule ${JSON.stringify(r.name)} on ${r.serviceName}`)));
}
