import { describe, expect, it } from 'vitest';
import type { AlertRule } from './alert-rule';
import { describeAppliedRules, evaluateAlertRuleList } from './evaluate-alert-rules';
import { validateAlertRules } from './validate-alert-rules';

const service = { id: 's1', name: 'Collector' };
const rule = (r: Partial<AlertRule> & Pick<AlertRule, 'actions'>): AlertRule => ({
  id: r.name ?? 'r',
  name: 'r',
  matchers: [],
  annotationMatchers: [],
  time: null,
  stop: false,
  ...r,
});
const alert = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({ labels, annotations, severity: labels['severity'] ?? null });
const at = (iso: string) => Date.parse(iso);

describe('evaluateAlertRules', () => {
  it('lowers urgency of warnings and says which rule did it', () => {
    const rules = [rule({ name: 'batch jobs are low', matchers: ['severity="warning"'], actions: { urgency: 'low' } })];
    const out = evaluateAlertRuleList(rules, alert({ severity: 'warning' }), 0, service);
    expect(out.urgency).toMatchObject({ value: 'low', name: 'batch jobs are low', serviceName: 'Collector' });
    expect(describeAppliedRules(out.applied)).toEqual(['urgency lowered to low by rule "batch jobs are low" on Collector']);
    expect(evaluateAlertRuleList(rules, alert({ severity: 'critical' }), 0, service).applied).toEqual([]);
  });

  it('applies every matching rule in order, each seeing the earlier changes, until a stop', () => {
    const rules = [
      rule({ name: 'a', matchers: ['team="db"'], actions: { labels: { tier: 'gold' } } }),
      rule({ name: 'b', matchers: ['tier="gold"'], actions: { severity: 'critical' }, stop: true }),
      rule({ name: 'c', actions: { suppress: true } }),
    ];
    const out = evaluateAlertRuleList(rules, alert({ team: 'db', severity: 'warning' }), 0, service);
    expect(out.applied.map((r) => r.name)).toEqual(['a', 'b']);
    expect(out.labels).toEqual({ team: 'db', tier: 'gold', severity: 'critical' });
    expect(out.severity).toBe('critical');
    expect(out.suppressed).toBeNull();
    // without team=db, a and b do not match, c suppresses
    expect(evaluateAlertRuleList(rules, alert({ team: 'web' }), 0, service).suppressed).toMatchObject({ name: 'c' });
  });

  it('matches annotations with their own matcher list and renders templates', () => {
    const rules = [
      rule({
        name: 'runbook',
        annotationMatchers: ['summary=~".*disk.*"'],
        actions: { annotations: { runbook_url: 'https://runbooks.example/{{ labels.alertname }}', summary: '' } },
      }),
    ];
    const out = evaluateAlertRuleList(rules, alert({ alertname: 'DiskFull' }, { summary: 'disk 95% full' }), 0, service);
    expect(out.annotations).toEqual({ runbook_url: 'https://runbooks.example/DiskFull' });
    expect(evaluateAlertRuleList(rules, alert({ alertname: 'X' }, { summary: 'cpu' }), 0, service).applied).toEqual([]);
  });

  it('reads support hours on the zone wall clock, DST included', () => {
    const rules = [
      rule({
        name: 'outside support hours is low',
        time: { weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00', endTime: '18:00', timeZone: 'Europe/Berlin', outside: true },
        actions: { urgency: 'low' },
      }),
    ];
    const low = (iso: string) => evaluateAlertRuleList(rules, alert({}), at(iso), service).urgency?.value ?? 'unchanged';
    // Monday 7 December 2026, CET (UTC+1): 09:00 Berlin is 08:00Z
    expect(low('2026-12-07T07:59:59Z')).toBe('low');
    expect(low('2026-12-07T08:00:00Z')).toBe('unchanged');
    expect(low('2026-12-07T16:59:59Z')).toBe('unchanged');
    expect(low('2026-12-07T17:00:00Z')).toBe('low');
    // Monday 6 July 2026, CEST (UTC+2): 09:00 Berlin is 07:00Z
    expect(low('2026-07-06T06:59:00Z')).toBe('low');
    expect(low('2026-07-06T07:00:00Z')).toBe('unchanged');
    // Saturday: outside all day
    expect(low('2026-12-12T12:00:00Z')).toBe('low');
  });

  it('runs overnight windows into the next day', () => {
    const rules = [rule({ name: 'night', time: { weekdays: ['friday'], startTime: '22:00', endTime: '06:00', timeZone: 'UTC' }, actions: { suppress: true } })];
    const hit = (iso: string) => evaluateAlertRuleList(rules, alert({}), at(iso), service).suppressed !== null;
    expect(hit('2026-12-11T22:30:00Z')).toBe(true); // Friday night
    expect(hit('2026-12-12T05:59:00Z')).toBe(true); // Saturday early
    expect(hit('2026-12-12T06:00:00Z')).toBe(false);
    expect(hit('2026-12-10T23:00:00Z')).toBe(false); // Thursday
  });

  it('ignores route actions on the target of a route (one hop)', () => {
    const rules = [rule({ name: 'to db', actions: { routeToServiceId: 's2' } })];
    expect(evaluateAlertRuleList(rules, alert({}), 0, service).routeTo).toMatchObject({ serviceId: 's2' });
    expect(evaluateAlertRuleList(rules, alert({}), 0, service, { followRoutes: false }).routeTo).toBeNull();
  });
});

describe('validateAlertRules', () => {
  const routes: Record<string, string[]> = { b: ['c'], c: ['a'] };
  const ctx = { serviceId: 'a', serviceExists: (id: string) => ['a', 'b', 'c', 'd'].includes(id), routesOf: (id: string) => routes[id] ?? [] };

  it('names the field of each problem', () => {
    const problems = validateAlertRules(
      [
        rule({ name: 'm', matchers: ['team=~"(a"', 'bad'], actions: { urgency: 'low' } }),
        rule({ name: 't', time: { weekdays: [], startTime: '9:00', endTime: '18:00', timeZone: 'Mars/Olympus' }, actions: { urgency: 'low' } }),
        rule({ name: 'r', actions: { routeToServiceId: 'zz' } }),
        rule({ name: 'loop', actions: { routeToServiceId: 'b' } }),
        rule({ name: 'ok', actions: { routeToServiceId: 'd' } }),
      ],
      ctx,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'rules.0.matchers.0',
      'rules.0.matchers.1',
      'rules.1.time.timeZone',
      'rules.1.time.weekdays',
      'rules.1.time.startTime',
      'rules.2.actions.routeToServiceId',
      'rules.3.actions.routeToServiceId',
    ]);
    expect(problems[0]!.message).toContain('invalid regular expression');
    expect(problems[6]!.message).toContain('a -> b -> c -> a');
  });
});

describe('resolveRuleUrgency', () => {
  it('lets a rule lower a high service and names it', async () => {
    const { resolveRuleUrgency } = await import('./resolve-rule-urgency');
    const rule = { value: 'low' as const, name: 'batch jobs are low', serviceName: 'Collector' };
    expect(resolveRuleUrgency('high', [{ severity: 'warning', rule }])).toEqual({ urgency: 'low', reason: 'urgency lowered to low by rule "batch jobs are low" on Collector' });
    // one alert no rule lowered keeps the incident high
    expect(resolveRuleUrgency('bySeverity', [{ severity: 'warning', rule }, { severity: 'critical', rule: null }]).urgency).toBe('high');
    expect(resolveRuleUrgency('bySeverity', [{ severity: 'critical', rule: null }]).urgency).toBe('high');
  });
});

describe('applyBatchAlertRules', () => {
  it('rewrites the fresh occurrences of services with rules and moves suppressed ones to a group of their own', async () => {
    const { applyBatchAlertRules, suppressedGroup } = await import('./apply-batch-alert-rules');
    const { compileAlertRules } = await import('./compile-alert-rules');
    const group = { key: '{}:{alertname="X"}', keyHash: 'h', labels: {}, title: 'X' };
    const incoming = (labels: Record<string, string>) => ({ fingerprint: 'f', startsAt: 's', endsAt: null, status: 'firing' as const, labels, annotations: {}, generatorUrl: null, severity: null, group });
    const rules = compileAlertRules([rule({ name: 'batch', matchers: ['ns="batch"'], actions: { suppress: true } })]);
    const delivery = { serviceId: 's1', autoResolve: true, alerts: [], truncatedAlerts: null, via: 'alertmanager', actor: 'k', alertRules: { rules, service, at: 0 } };
    const other = { ...delivery, serviceId: 's2', alertRules: undefined };
    const fresh = [{ serviceId: 's1', owner: 0, alert: incoming({ ns: 'batch' }) }, { serviceId: 's1', owner: 0, alert: incoming({ ns: 'web' }) }, { serviceId: 's2', owner: 1, alert: incoming({ ns: 'batch' }) }];
    expect(applyBatchAlertRules([delivery, other], fresh)).toBe(1);
    expect(fresh[0]!.alert.group).toEqual(suppressedGroup(group));
    expect(fresh[0]!.alert.group.keyHash).not.toBe('h');
    expect((fresh[0] as { rules?: unknown }).rules).toMatchObject({ suppressed: { name: 'batch' } });
    expect(fresh[1]!.alert.group).toBe(group);
    expect(fresh[2]!.alert.group).toBe(group); // another service: its own (no) rules
  });
});

describe('route rules (routeToServiceId)', () => {
  const group = { key: 'g', keyHash: 'h', labels: {}, title: 'X' };
  const incoming = (labels: Record<string, string>, status: 'firing' | 'resolved' = 'firing', fingerprint = 'f') =>
    ({ fingerprint, startsAt: 's', endsAt: null, status, labels, annotations: {}, generatorUrl: null, severity: null, group });

  it('sends a new firing alert where the first route rule says, a stored occurrence where it is, a resolve of an unknown one nowhere else', async () => {
    const { decideRuleRoutes } = await import('./decide-rule-routes');
    const { compileAlertRules } = await import('./compile-alert-rules');
    const set = { rules: compileAlertRules([rule({ name: 'pay', matchers: ['team="pay"'], actions: { routeToServiceId: 'pay' } })]), service, at: 0 };
    const stored = new Map([['g2\u0000s', 'pay'], ['g3\u0000s', service.id]]);
    expect(decideRuleRoutes(set, [
      incoming({ team: 'pay' }), incoming({ team: 'web' }),
      incoming({ team: 'web' }, 'firing', 'g2'), // stored in pay: a re-send after the rule changed stays there
      incoming({ team: 'pay' }, 'firing', 'g3'), // stored here before the rule existed
      incoming({ team: 'pay' }, 'resolved', 'g4'),
    ], stored)).toEqual(['pay', null, 'pay', null, null]);
  });

  it('runs the routing service rules, then the target rules without their routes, and records both', async () => {
    const { applyBatchAlertRules } = await import('./apply-batch-alert-rules');
    const { compileAlertRules } = await import('./compile-alert-rules');
    const from = { rules: compileAlertRules([rule({ name: 'to payments', matchers: ['team="pay"'], actions: { routeToServiceId: 'pay', labels: { routed: 'yes' } } })]), service, at: 0 };
    const own = {
      rules: compileAlertRules([
        rule({ name: 'routed are low', matchers: ['routed="yes"'], actions: { urgency: 'low' } }),
        rule({ name: 'back', actions: { routeToServiceId: service.id } }),
      ]),
      service: { id: 'pay', name: 'Payments' }, at: 0,
    };
    const delivery = { serviceId: 'pay', autoResolve: true, alerts: [], truncatedAlerts: null, via: 'alertmanager', actor: 'k', alertRules: own, routedFrom: { ...from, targetName: 'Payments' } };
    const fresh = [{ serviceId: 'pay', owner: 0, alert: incoming({ team: 'pay' }) }];
    expect(applyBatchAlertRules([delivery], fresh)).toBe(1);
    const r = (fresh[0] as { rules?: { applied: { name: string; serviceName: string; changes: string[] }[]; urgency: unknown } }).rules!;
    expect(r.applied.map((a) => [a.name, a.serviceName, a.changes])).toEqual([
      ['to payments', service.name, ['label routed added: "yes"', 'routed to Payments']],
      ['routed are low', 'Payments', ['urgency lowered to low']],
      ['back', 'Payments', []],
    ]);
    expect(r.urgency).toMatchObject({ value: 'low', serviceName: 'Payments' });
    expect(fresh[0]!.alert.labels).toEqual({ team: 'pay', routed: 'yes' });
  });
});
