import type { LabelMatcher } from '../matchers/label-matcher';
import { parseMatcher } from '../matchers/parse-matcher';

/**
 * Where a route sends what it matches: a fixed service, or (dynamic routing) the
 * service whose `routingName` equals the value of a label (e.g. `team`).
 */
export type RouteTarget = { kind: 'service'; serviceId: string } | { kind: 'label'; label: string };

/** One route of a routing integration: all matchers ANDed (an empty list matches every alert). */
export interface RouteSpec {
  matchers: LabelMatcher[];
  target: RouteTarget;
}

/** Where what no route takes goes: a default service, or nowhere ("drop and record"). */
export type CatchAll = { kind: 'service'; serviceId: string } | { kind: 'drop' };

/** A route as written by a person (API, UI, preview drafts): matchers in Alertmanager's text syntax. */
export interface RouteInput {
  matchers: readonly string[];
  serviceId?: string | null | undefined;
  serviceFromLabel?: string | null | undefined;
}

export type ParsedRoutes = { ok: true; routes: RouteSpec[] } | { ok: false; field: string; error: string };

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Parses the routes a person wrote, through the one matcher parser (RE2 regexes,
 * fully anchored, as maintenance windows). The first error names its field:
 * `routes.2.matchers.0` with RE2's reason, `routes.1.serviceId` when a route has
 * neither or both targets, `routes.0.serviceFromLabel` for a bad label name.
 * Whether a named service exists is for the caller (it needs the database).
 */
export function parseRoutes(input: readonly RouteInput[]): ParsedRoutes {
  const routes: RouteSpec[] = [];
  for (const [i, r] of input.entries()) {
    const matchers: LabelMatcher[] = [];
    for (const [j, text] of r.matchers.entries()) {
      const p = parseMatcher(text);
      if (!p.ok) return { ok: false, field: `routes.${i}.matchers.${j}`, error: p.error };
      matchers.push(p.matcher);
    }
    const hasService = typeof r.serviceId === 'string' && r.serviceId !== '';
    const hasLabel = typeof r.serviceFromLabel === 'string' && r.serviceFromLabel !== '';
    if (hasService === hasLabel) {
      return { ok: false, field: `routes.${i}.serviceId`, error: 'a route needs exactly one of serviceId (a service) or serviceFromLabel (dynamic routing)' };
    }
    if (hasLabel && !LABEL_NAME.test(r.serviceFromLabel!)) {
      return { ok: false, field: `routes.${i}.serviceFromLabel`, error: `"${r.serviceFromLabel}" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)` };
    }
    routes.push({ matchers, target: hasService ? { kind: 'service', serviceId: r.serviceId! } : { kind: 'label', label: r.serviceFromLabel! } });
  }
  return { ok: true, routes };
}
