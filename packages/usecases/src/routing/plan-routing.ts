import { compileRoutes, decideRoute, matchRoute, wantedRoutingName, type CompiledRoutes, type RouteDecision } from '@heinrich/core/routing/decide-route';
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
   * the services the fixed routes and the catch-all name, already loaded with
   * the key (findIngestKey): only dynamic routes' names not among them are
   * looked up; absent: every target is loaded here
   */
  fixedTargets?: readonly RoutingTarget[];
}

export interface RoutingPlan {
  decisions: RouteDecision[];
  /** the target services' ingest settings, by id */
  targets: Map<string, RoutingTarget>;
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

/**
 * Load → decide for a batch of alerts: matches every alert (core, first match
 * wins), loads the services the matches name (fixed targets, the catch-all, and
 * the routingNames dynamic routes look up: one query, none when the key lookup
 * brought the fixed targets and no dynamic name is missing), then decides each
 * alert's service or drop (core decideRoute).
 */
export async function planRouting(q: Queryable, config: RoutingConfig, labelSets: readonly Readonly<Record<string, string>>[]): Promise<RoutingPlan> {
  const compiled = compiledOf(config);
  const matches = labelSets.map((labels) => matchRoute(compiled, labels));
  const known = config.fixedTargets ?? [];
  const knownNames = new Set(known.map((t) => t.routingName));
  const ids = new Set<string>();
  const names = new Set<string>();
  if (!config.fixedTargets && compiled.catchAll.kind === 'service') ids.add(compiled.catchAll.serviceId);
  matches.forEach((m, i) => {
    if (!config.fixedTargets && m.target?.kind === 'service') ids.add(m.target.serviceId);
    const name = wantedRoutingName(m, labelSets[i]!);
    if (name && !knownNames.has(name)) names.add(name);
  });
  const rows = [...known, ...(ids.size > 0 || names.size > 0 ? await selectRoutingTargets(q, [...ids], [...names]) : [])];
  const targets = new Map(rows.map((r) => [r.serviceId, r]));
  const byName = new Map(rows.filter((r) => r.routingName !== null).map((r) => [r.routingName!, r.serviceId]));
  const decisions = matches.map((m, i) => decideRoute(compiled, m, labelSets[i]!, byName, (id) => targets.has(id)));
  return { decisions, targets };
}
