import { compileMatcher, matchesAll, type CompiledMatcher } from '../matchers/label-matcher';
import type { CatchAll, RouteSpec, RouteTarget } from './routing-spec';

/** Routes with their regexes compiled once (RE2, fully anchored). */
export interface CompiledRoutes {
  routes: { matchers: CompiledMatcher[]; target: RouteTarget }[];
  catchAll: CatchAll;
}

export function compileRoutes(routes: readonly RouteSpec[], catchAll: CatchAll): CompiledRoutes {
  return { routes: routes.map((r) => ({ matchers: r.matchers.map(compileMatcher), target: r.target })), catchAll };
}

/** The first route whose matchers all match (index into the list), or null: first match wins. */
export interface RouteMatch {
  routeIndex: number | null;
  target: RouteTarget | null;
}

export function matchRoute(compiled: CompiledRoutes, labels: Readonly<Record<string, string>>): RouteMatch {
  for (const [i, r] of compiled.routes.entries()) {
    if (matchesAll(r.matchers, labels)) return { routeIndex: i, target: r.target };
  }
  return { routeIndex: null, target: null };
}

/** The label value a dynamic route would look up (to load those services first), or null. */
export function wantedRoutingName(match: RouteMatch, labels: Readonly<Record<string, string>>): string | null {
  return match.target?.kind === 'label' ? (labels[match.target.label] ?? null) : null;
}

/**
 * Where one alert goes. `routeIndex` null: no route matched (or the one that did
 * could not be followed); `reason` says why an alert went to the catch-all or was
 * dropped, for the unrouted list and the alert ("reported"); null when a route took it.
 */
export type RouteDecision =
  | { kind: 'service'; serviceId: string; routeIndex: number | null; reason: string | null }
  | { kind: 'drop'; routeIndex: number | null; reason: string };

/**
 * The routing decision for one alert, given the route it matched and the
 * services that exist: `serviceByRoutingName` for dynamic routes, `serviceExists`
 * for fixed targets (a service deleted after the route was saved). One hop: the
 * target is a service, whose own ingest (and alert rules) follow; routing is
 * never re-run, so there are no loops. What no route takes, or a route cannot
 * deliver (a missing or unknown label value, a deleted service), goes to the
 * catch-all with the reason.
 */
export function decideRoute(
  compiled: CompiledRoutes,
  match: RouteMatch,
  labels: Readonly<Record<string, string>>,
  serviceByRoutingName: ReadonlyMap<string, string>,
  serviceExists: (serviceId: string) => boolean,
): RouteDecision {
  let reason: string;
  const t = match.target;
  if (t === null) {
    reason = 'no route matched';
  } else if (t.kind === 'service') {
    if (serviceExists(t.serviceId)) return { kind: 'service', serviceId: t.serviceId, routeIndex: match.routeIndex, reason: null };
    reason = `route ${match.routeIndex! + 1} targets a service that no longer exists`;
  } else {
    const value = Object.hasOwn(labels, t.label) ? labels[t.label] : undefined;
    const serviceId = value ? serviceByRoutingName.get(value) : undefined;
    if (serviceId) return { kind: 'service', serviceId, routeIndex: match.routeIndex, reason: null };
    reason = value
      ? `route ${match.routeIndex! + 1}: no service has routingName "${value}" (label ${t.label})`
      : `route ${match.routeIndex! + 1}: the alert has no label ${t.label}`;
  }
  const c = compiled.catchAll;
  if (c.kind === 'service' && serviceExists(c.serviceId)) return { kind: 'service', serviceId: c.serviceId, routeIndex: null, reason };
  return { kind: 'drop', routeIndex: null, reason };
}

/**
 * A routing integration's own alert rule sent the alert to a service
 * (`routeToServiceId`, docs/alert-rules.md "Rules on a routing integration"):
 * it goes there and the routes are not tried; a service deleted since the rule
 * was saved sends it to the catch-all with the reason. Still one hop.
 */
export function decideRuleRoute(compiled: CompiledRoutes, rule: { serviceId: string; name: string }, serviceExists: (serviceId: string) => boolean): RouteDecision {
  if (serviceExists(rule.serviceId)) return { kind: 'service', serviceId: rule.serviceId, routeIndex: null, reason: null };
  const reason = `rule ${JSON.stringify(rule.name)} routes to a service that no longer exists`;
  const c = compiled.catchAll;
  if (c.kind === 'service' && serviceExists(c.serviceId)) return { kind: 'service', serviceId: c.serviceId, routeIndex: null, reason };
  return { kind: 'drop', routeIndex: null, reason };
}
