import { describe, expect, it } from 'vitest';
import { compileRoutes, decideRoute, decideRuleRoute, matchRoute, wantedRoutingName } from './decide-route';
import { parseRoutes, type RouteInput } from './routing-spec';
import type { CatchAll } from './routing-spec';

const DB = '00000000-0000-4000-8000-0000000000db';
const WEB = '00000000-0000-4000-8000-000000000eeb';
const CATCH = '00000000-0000-4000-8000-0000000000ca';

function routes(input: RouteInput[], catchAll: CatchAll = { kind: 'service', serviceId: CATCH }) {
  const parsed = parseRoutes(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return compileRoutes(parsed.routes, catchAll);
}
const exists = (id: string) => [DB, WEB, CATCH].includes(id);
const names = new Map([['db', DB], ['web', WEB]]);
function route(c: ReturnType<typeof routes>, labels: Record<string, string>) {
  return decideRoute(c, matchRoute(c, labels), labels, names, exists);
}

describe('decideRoute', () => {
  const fixed = routes([
    { matchers: ['team="db"', 'severity=~"critical|warning"'], serviceId: DB },
    { matchers: ['namespace=~"web-.*"'], serviceId: WEB },
    { matchers: ['team="db"'], serviceId: WEB },
  ]);

  it('first match wins; matchers are ANDed', () => {
    expect(route(fixed, { team: 'db', severity: 'critical', namespace: 'web-1' })).toEqual({ kind: 'service', serviceId: DB, routeIndex: 0, reason: null });
    // route 0 needs both; route 2 takes the rest of team=db
    expect(route(fixed, { team: 'db', severity: 'info' })).toEqual({ kind: 'service', serviceId: WEB, routeIndex: 2, reason: null });
  });
  it('regexes are fully anchored', () => {
    expect(route(fixed, { namespace: 'xweb-1' })).toMatchObject({ serviceId: CATCH, routeIndex: null, reason: 'no route matched' });
    expect(route(fixed, { team: 'db', severity: 'critical-ish' })).toMatchObject({ serviceId: WEB, routeIndex: 2 });
  });
  it('what no route takes is dropped and recorded when there is no default service', () => {
    const c = routes([{ matchers: ['team="db"'], serviceId: DB }], { kind: 'drop' });
    expect(route(c, { team: 'web' })).toEqual({ kind: 'drop', routeIndex: null, reason: 'no route matched' });
  });
  it('a route to a deleted service goes to the catch-all, saying so', () => {
    const c = routes([{ matchers: [], serviceId: '00000000-0000-4000-8000-000000000000' }]);
    expect(route(c, {})).toMatchObject({ serviceId: CATCH, reason: 'route 1 targets a service that no longer exists' });
  });

  describe('dynamic routing', () => {
    const dyn = routes([{ matchers: ['team!=""'], serviceFromLabel: 'team' }, { matchers: ['heinrich_service!=""'], serviceFromLabel: 'heinrich_service' }]);
    it('the service whose routingName is the label value', () => {
      expect(route(dyn, { team: 'db' })).toEqual({ kind: 'service', serviceId: DB, routeIndex: 0, reason: null });
      expect(route(dyn, { team: 'web' })).toMatchObject({ serviceId: WEB });
      expect(wantedRoutingName(matchRoute(dyn, { team: 'web' }), { team: 'web' })).toBe('web');
    });
    it('an unknown value goes to the catch-all and is reported; one hop, the next route is not tried', () => {
      expect(route(dyn, { team: 'payments', heinrich_service: 'db' })).toEqual({
        kind: 'service',
        serviceId: CATCH,
        routeIndex: null,
        reason: 'route 1: no service has routingName "payments" (label team)',
      });
    });
    it('a missing label', () => {
      const any = routes([{ matchers: [], serviceFromLabel: 'team' }], { kind: 'drop' });
      expect(route(any, {})).toEqual({ kind: 'drop', routeIndex: null, reason: 'route 1: the alert has no label team' });
    });
  });
});

describe('parseRoutes', () => {
  it.each<[RouteInput[], string, RegExp]>([
    [[{ matchers: ['team="db"', 'x=~"("'], serviceId: DB }], 'routes.0.matchers.1', /invalid regular expression/],
    [[{ matchers: ['ok="1"'], serviceId: DB }, { matchers: ['team'], serviceId: DB }], 'routes.1.matchers.0', /no operator/],
    [[{ matchers: [] }], 'routes.0.serviceId', /exactly one/],
    [[{ matchers: [], serviceId: DB, serviceFromLabel: 'team' }], 'routes.0.serviceId', /exactly one/],
    [[{ matchers: [], serviceFromLabel: 'te-am' }], 'routes.0.serviceFromLabel', /not a label name/],
  ])('names the field: %j', (input, field, error) => {
    const p = parseRoutes(input);
    expect(p).toMatchObject({ ok: false, field });
    if (!p.ok) expect(p.error).toMatch(error);
  });
});

describe('decideRuleRoute (a routing integration\'s rule chose the service)', () => {
  const c = routes([{ matchers: [], serviceId: DB }]);
  it('goes to the service the rule names, past the routes', () => {
    expect(decideRuleRoute(c, { serviceId: WEB, name: 'frontend to web' }, exists)).toEqual({ kind: 'service', serviceId: WEB, routeIndex: null, reason: null });
  });
  it('a deleted service: the catch-all with the reason, or dropped without one', () => {
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(decideRuleRoute(c, { serviceId: gone, name: 'x' }, exists)).toEqual({ kind: 'service', serviceId: CATCH, routeIndex: null, reason: 'rule "x" routes to a service that no longer exists' });
    expect(decideRuleRoute(routes([], { kind: 'drop' }), { serviceId: gone, name: 'x' }, exists)).toMatchObject({ kind: 'drop' });
  });
});
