import { describe, expect, it } from 'vitest';
import { buildInsights, type InsightsInput } from './build-insights';
import type { IncidentFacts } from './incident-facts';
import { decideInsightsScope } from './insights-scope';

const OPENED = Date.parse('2026-03-23T10:00:00Z'); // a Monday
const t = (s: number) => OPENED + s * 1000;
const DAY = 86_400_000;

function facts(id: string, over: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    id, number: 1, serviceId: 's', serviceName: 'S', key: 'K',
    createdAt: OPENED, urgency: 'high', firstPageAt: null, firstAckAt: null, firstResolveAt: null, firstResolveByPerson: false,
    alertChanges: [], escalatedPastFirstStep: false, exhausted: false, heldByMaintenance: false, suppressed: false,
    heldByStorm: false, silenced: false, pages: 0, pagedUserIds: [], notified: [], deduplicated: 0,
    ...over,
  };
}

function input(incidents: IncidentFacts[], over: Partial<InsightsInput> = {}): InsightsInput {
  return {
    now: t(DAY / 1000), period: { from: OPENED - DAY, to: OPENED + DAY }, previousPeriod: { from: OPENED - 3 * DAY, to: OPENED - DAY },
    incidents, previousIncidents: [], flapRefires: [], previousFlapRefires: 0,
    users: [{ userId: 'u1', name: 'Ann', timeZone: 'UTC' }, { userId: 'u2', name: 'Bo', timeZone: 'Asia/Kolkata' }],
    openings: [], groupsOpenedBefore: new Set(), scope: { teamId: null, serviceId: null, services: 1 },
    ...over,
  };
}

describe('buildInsights', () => {
  it('people: pages and interruptions from the incidents, only of the people known (not the probe, not a deleted user)', () => {
    const r = buildInsights(input([
      facts('i1', { firstPageAt: t(5), pagedUserIds: ['u1', 'u1', 'gone'], notified: [{ userId: 'u1', at: t(5) }, { userId: 'u1', at: t(65) }, { userId: 'gone', at: t(5) }] }),
      facts('i2', { firstPageAt: t(5), pagedUserIds: ['u2'], notified: [{ userId: 'u2', at: t(5) }] }),
    ]));
    expect(r.people.rows).toEqual([
      // i1 twice within 30 min: one interruption; 10:00Z Monday is business in UTC
      { userId: 'u1', name: 'Ann', timeZone: 'UTC', pages: 2, interruptions: 1, business: 1, offHours: 0, sleep: 0 },
      // 15:30 IST: business
      { userId: 'u2', name: 'Bo', timeZone: 'Asia/Kolkata', pages: 1, interruptions: 1, business: 1, offHours: 0, sleep: 0 },
    ]);
    expect(r.people.totals).toEqual({ pages: 3, interruptions: 2, business: 2, offHours: 0, sleep: 0 });
  });

  it('response is measured on the incidents that paged; escalations and exhausted policies over all incidents', () => {
    const r = buildInsights(input([
      facts('i1', { firstPageAt: t(5), firstAckAt: t(300), firstResolveAt: t(600) }),
      facts('i2', { firstPageAt: t(5), firstAckAt: t(301), firstResolveAt: t(600), escalatedPastFirstStep: true }),
      // paged no one: its policy's steps named nobody, it escalated and ran out
      facts('i3', { escalatedPastFirstStep: true, exhausted: true }),
    ]));
    expect(r.response).toMatchObject({ incidents: 2, acknowledged: 2, resolved: 2, acknowledgedWithin5Min: { count: 1, share: 0.5 }, escalatedPastFirstStep: 2, exhaustedPolicy: 1 });
    expect(r.response.mtta).toEqual({ medianSeconds: 300.5, p90Seconds: 300.9 });
  });

  it('the pyramid counts each flap re-fire as a near miss and deduplicated re-sends apart; the trend against the previous period', () => {
    const r = buildInsights(input([facts('i1', { firstPageAt: t(5), firstResolveAt: t(60), deduplicated: 4 }), facts('i2')], {
      flapRefires: [{ incidentId: 'i1', serviceId: 's', serviceName: 'S', key: 'K', at: t(120) }],
      previousIncidents: [facts('p1', { firstPageAt: t(5), firstResolveAt: t(3600) }), facts('p2', { firstPageAt: t(5), firstResolveAt: t(60) })],
      previousFlapRefires: 2,
    }));
    expect(r.pyramid).toMatchObject({ major: 0, minor: 1, nearMiss: 2, deduplicated: 4, previous: { major: 1, minor: 1, nearMiss: 2, deduplicated: 0 } });
    expect(r.pyramid.trend.minor).toEqual({ delta: 0, percent: 0 });
    expect(r.pyramid.trend.major).toEqual({ delta: -1, percent: -100 });
    expect(r.pyramid.nearMissReasons).toMatchObject({ other: 1, flapRefires: 1 });
  });
});

describe('decideInsightsScope: admins everything, others their teams’ services, 403 outside', () => {
  const shop = { id: 't1', name: 'Shop' };
  const ops = { id: 't2', name: 'Ops' };
  it('admins: everything, services without a team included', () => {
    expect(decideInsightsScope({ kind: 'all' }, {})).toEqual({ allowed: true, filter: { teamIds: null, withTeamless: true, serviceId: null } });
  });
  it('members: their teams by default; another team or its service refused', () => {
    const v = { kind: 'teams', teamIds: ['t1'] } as const;
    expect(decideInsightsScope(v, {})).toEqual({ allowed: true, filter: { teamIds: ['t1'], withTeamless: false, serviceId: null } });
    expect(decideInsightsScope(v, { team: ops })).toEqual({ allowed: false, reason: 'Only members of team Ops or admins can see its insights' });
    expect(decideInsightsScope(v, { service: { id: 's9', name: 'db', team: ops } }).allowed).toBe(false);
    expect(decideInsightsScope(v, { service: { id: 's0', name: 'loose', team: null } })).toEqual({
      allowed: false,
      reason: 'Service loose belongs to no team: only admins can see its insights',
    });
    expect(decideInsightsScope(v, { team: shop, service: { id: 's1', name: 'web', team: shop } })).toEqual({
      allowed: true,
      filter: { teamIds: ['t1'], withTeamless: false, serviceId: 's1' },
    });
  });
  it('a key with a role in every team: every team’s services, not those without a team', () => {
    expect(decideInsightsScope({ kind: 'everyTeam' }, {})).toEqual({ allowed: true, filter: { teamIds: null, withTeamless: false, serviceId: null } });
  });
});
