import type { AlertRulesOutcome } from '@heinrich/core/alert-rules/alert-rule';
import { routeTargets } from '@heinrich/core/alert-rules/read-alert-rules';
import { evaluateAlertRules } from '@heinrich/core/alert-rules/evaluate-alert-rules';
import type { AlertRuleSet } from '@heinrich/core/ingest/ingest-delivery';
import { compileRoutes, decideRoute, decideRuleRoute, matchRoute, wantedRoutingName, type CompiledRoutes, type RouteDecision } from '@heinrich/core/routing/decide-route';
import { parseRoutes, type CatchAll, type RouteInput } from '@heinrich/core/routing/routing-spec';
import type { Queryable } from '@heinrich/db/queryable';
import { selectRoutingTargets, type RoutingTarget } from '@heinrich/db/routing/select-routing-targets';

/** What routing needs of an integration (stored, or a preview's draft). */
export interface RoutingConfig {
  /** cache key: the stored integration's id and version; absent for drafts */
  cacheKey?: string;
  routes: readonly RouteInput[];
  catchAllServiceId: string | null;
  /**
   * the integration's own alert rules (compiled, with the instant their time
   * conditions read), evaluated on each alert BEFORE the routes: the routes
   * match the labels they leave, and a rule's routeToServiceId takes the alert
   * past the routes; absent: none
   */
  alertRules?: AlertRuleSet | undefined;
  /**
   * the services the fixed routes, the catch-all and the rules' route actions
   * name, already loaded with the key (findIngestKey); absent: loaded here
   */
  fixedTargets?: readonly RoutingTarget[];
}

export interface RoutingPlan {
  decisions: RouteDecision[];
  /** per alert, what the integration's rules made of it (null: it has none, or none matched); the routes matched its labels */
  ruled: (AlertRulesOutcome | null)[];
  /** the target services' ingest settings, by id */
  targets: Map<string, RoutingTarget>;
}

/** An alert as routing reads it. */
export interface RoutableAlert {
  labels: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>> | undefined;
}

// compiled once per integration version: compiling RE2 programs on every webhook would cost more than matching
const compiledCache = new Map<string, CompiledRoutes>();
const CACHE_MAX = 500;

function compiledOf(config: RoutingConfig): CompiledRoutes {
  const hit = config.cacheKey ? compiledCache.get(config.cacheKey) : undefined;
  if (hit) return hit;
  const parsed = parseRoutes(config.routes);
  // stored routes were validated when saved; a draft's are validated by the caller
  if (!parsed.ok) throw new Error(`stored routes do not parse (${parsed.field}: ${parsed.error})`);
  const catchAll: CatchAll = config.catchAllServiceId ? { kind: 'service', serviceId: config.catchAllServiceId } : { kind: 'drop' };
  const compiled = compileRoutes(parsed.routes, catchAll);
  if (config.cacheKey) {
    if (compiledCache.size >= CACHE_MAX) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(config.cacheKey, compiled);
  }
  return compiled;
}

/** The fixed targets of a draft: what its routes, catch-all and rules' route actions name. */
function fixedIdsOf(config: RoutingConfig): string[] {
  const ids = new Set<string>();
  for (const r of config.routes) if (r.serviceId) ids.add(r.serviceId);
  if (config.catchAllServiceId) ids.add(config.catchAllServiceId);
  for (const id of routeTargets(config.alertRules?.rules.map((c) => c.rule) ?? [])) ids.add(id);
  return [...ids];
}

/**
 * Load → decide for a batch of alerts: the integration's alert rules first
 * (core, pure: labels they set are what the routes see; a suppression is
 * carried to the target's ingest; a route action picks the service), then the
 * routes (first match wins), then the services the matches name: the fixed
 * ones came with the key, so only routingNames of dynamic routes not among
 * them are looked up (no query at all for a key with fixed routes only), then
 * each alert's service or drop (core decideRoute / decideRuleRoute).
 */
export async function planRouting(q: Queryable, config: RoutingConfig, alerts: readonly RoutableAlert[]): Promise<RoutingPlan> {
  const compiled = compiledOf(config);
  const known = config.fixedTargets ?? (await selectRoutingTargets(q, fixedIdsOf(config), []));
  const knownById = new Map(known.map((t) => [t.serviceId, t]));
  const set = config.alertRules && config.alertRules.rules.length > 0 ? config.alertRules : undefined;
  const ruled = alerts.map((a) =>
    set
      ? evaluateAlertRules(set.rules, { labels: a.labels, annotations: a.annotations ?? {}, severity: a.labels['severity'] ?? null }, set.at, set.service, {
          serviceName: (id) => knownById.get(id)?.name,
        })
      : null,
  );
  const labelsOf = (i: number) => ruled[i]?.labels ?? alerts[i]!.labels;
  const matches = alerts.map((_, i) => matchRoute(compiled, labelsOf(i)));
  const knownNames = new Set(known.map((t) => t.routingName));
  const names = new Set<string>();
  matches.forEach((m, i) => {
    const name = ruled[i]?.routeTo ? null : wantedRoutingName(m, labelsOf(i));
    if (name && !knownNames.has(name)) names.add(name);
  });
  const rows = [...known, ...(names.size > 0 ? await selectRoutingTargets(q, [], [...names]) : [])];
  const targets = new Map(rows.map((r) => [r.serviceId, r]));
  const byName = new Map(rows.filter((r) => r.routingName !== null).map((r) => [r.routingName!, r.serviceId]));
  const exists = (id: string) => targets.has(id);
  const decisions = matches.map((m, i) => {
    const routeTo = ruled[i]?.routeTo;
    return routeTo ? decideRuleRoute(compiled, routeTo, exists) : decideRoute(compiled, m, labelsOf(i), byName, exists);
  });
  return { decisions, ruled: ruled.map((r) => (r && r.applied.length > 0 ? r : null)), targets };
}
