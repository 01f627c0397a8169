import type { RouteDecision } from './decide-route';

/** What can make routing decide differently for a later copy of an alert than for its first. */
export interface RoutingDrift {
  /** the integration's alert rules have a time condition (they read the clock) */
  timeConditioned: boolean;
  /** when the integration (its routes, catch-all or rules) last changed, epoch ms */
  changedAt: number;
}

/**
 * Whether an alert of a routing integration may belong to a service other than
 * the one routing picks now (docs/routing.md "Re-sends stay"): its rules read
 * the clock, or the integration changed after the occurrence began. Else a
 * re-send is routed as its first copy was, and nothing needs looking up.
 */
export function mayHaveDrifted(alert: { startsAt: string }, drift: RoutingDrift): boolean {
  if (drift.timeConditioned) return true;
  const startsAt = Date.parse(alert.startsAt);
  return !Number.isFinite(startsAt) || startsAt <= drift.changedAt;
}

/**
 * A routing integration's decisions with re-sends kept where their first copy
 * went: an alert whose occurrence is already held by a service goes to that
 * service (its re-send deduplicated there, its resolve resolving it), whatever
 * routing says now; the others as decided. `holders[i]`: the service holding
 * alert i's occurrence, undefined when none does (or it was not looked up).
 */
export function stickToHolders(decisions: readonly RouteDecision[], holders: readonly (string | undefined)[]): RouteDecision[] {
  return decisions.map((d, i) => {
    const holder = holders[i];
    if (holder === undefined || (d.kind === 'service' && d.serviceId === holder)) return d;
    return { kind: 'service', serviceId: holder, routeIndex: null, reason: null };
  });
}
