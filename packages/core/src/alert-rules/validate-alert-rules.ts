import type { FieldProblem } from '../app-error';
import { parseMatcher } from '../matchers/parse-matcher';
import { parseClockTime } from '../schedule/restriction-windows';
import { TimeZone } from '../schedule/time-zone';
import type { AlertRule } from './alert-rule';

export interface AlertRulesContext {
  /** the service the rules belong to */
  serviceId: string;
  /** services that exist (the route targets must) */
  serviceExists(id: string): boolean;
  /** the route-to-service targets of another service's stored rules */
  routesOf(serviceId: string): readonly string[];
}

/**
 * What is wrong with a service's ordered rules (empty: nothing), each problem
 * naming its field as the API's 400 does (`rules.2.matchers.0`): a matcher
 * that does not parse or an invalid RE2 regex, an unknown time zone, a
 * malformed or empty time range, no weekday, a route to a missing service or
 * to the service itself, and a loop between route-to-service rules (A routes
 * to B and B, or a service B routes to, routes back to A). Ingest follows one
 * hop anyway; refusing loops keeps the configuration meaningful.
 */
export function validateAlertRules(rules: readonly AlertRule[], ctx: AlertRulesContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = new Set<string>();
  for (const [i, rule] of rules.entries()) {
    const at = `rules.${i}`;
    if (rule.name.trim() === '') problems.push({ path: `${at}.name`, message: 'must not be empty' });
    if (ids.has(rule.id)) problems.push({ path: `${at}.id`, message: 'is used by an earlier rule' });
    ids.add(rule.id);
    for (const [list, texts] of [['matchers', rule.matchers], ['annotationMatchers', rule.annotationMatchers]] as const) {
      for (const [j, text] of texts.entries()) {
        const parsed = parseMatcher(text);
        if (!parsed.ok) problems.push({ path: `${at}.${list}.${j}`, message: `${JSON.stringify(text)} ${parsed.error}` });
      }
    }
    const t = rule.time;
    if (t) {
      if (!TimeZone.find(t.timeZone)) problems.push({ path: `${at}.time.timeZone`, message: `is not a known IANA time zone: ${JSON.stringify(t.timeZone)}` });
      if (t.weekdays.length === 0) problems.push({ path: `${at}.time.weekdays`, message: 'must name at least one weekday' });
      const start = parseClockTime(t.startTime);
      const end = parseClockTime(t.endTime);
      if (start === null) problems.push({ path: `${at}.time.startTime`, message: 'must be HH:MM (00:00-23:59)' });
      if (end === null) problems.push({ path: `${at}.time.endTime`, message: 'must be HH:MM (00:00-23:59)' });
      else if (end === start) problems.push({ path: `${at}.time.endTime`, message: 'must differ from startTime' });
    }
    const a = rule.actions;
    if (Object.keys(a).length === 0 && !rule.stop) problems.push({ path: `${at}.actions`, message: 'must do something (an action, or stop)' });
    for (const [list, entries] of [['labels', a.labels], ['annotations', a.annotations]] as const) {
      for (const name of Object.keys(entries ?? {})) {
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) problems.push({ path: `${at}.actions.${list}.${name}`, message: 'is not a valid name (letters, digits and _, not starting with a digit)' });
      }
    }
    if (a.routeToServiceId !== undefined) {
      const path = `${at}.actions.routeToServiceId`;
      if (a.routeToServiceId === ctx.serviceId) problems.push({ path, message: 'routes to the service itself' });
      else if (!ctx.serviceExists(a.routeToServiceId)) problems.push({ path, message: `names no service: ${JSON.stringify(a.routeToServiceId)}` });
      else {
        const loop = findLoop(ctx.serviceId, a.routeToServiceId, ctx.routesOf);
        if (loop) problems.push({ path, message: `makes a loop between route-to-service rules: ${[ctx.serviceId, ...loop].join(' -> ')}` });
      }
    }
  }
  return problems;
}

/** The path from `to` back to `from` through other services' route rules, or null. */
function findLoop(from: string, to: string, routesOf: (id: string) => readonly string[]): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string, path: string[]): string[] | null => {
    if (id === from) return path;
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of routesOf(id)) {
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(to, [to]);
}
