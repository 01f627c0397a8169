import { describe, expect, it } from 'vitest';
import { decideEscalation } from '../escalation/decide-escalation';
import { describeEscalationDecision, type EscalationNames } from '../escalation/describe-escalation';
import type { EscalationRun } from '../escalation/escalation-position';
import type { TargetResolver } from '../escalation/resolve-step-targets';
import { onCallAt } from '../schedule/on-call-at';
import type { Schedule, ScheduleOverride } from '../schedule/schedule';
import { explainPaging, type ExplainEvent } from './explain-paging';
import { explainPagingPeople } from './explain-paging-people';

const at = (m: number) => new Date(Date.UTC(2026, 10, 28, 21, m));
const alice = { id: 'u-alice', name: 'Alice' };
const bob = { id: 'u-bob', name: 'Bob' };

const events: ExplainEvent[] = [
  { type: 'escalation_step', message: 'Step 1 of 2: paging Alice (named in the step)', data: { pages: [{ userId: 'u-alice' }] }, createdAt: at(0) },
  {
    type: 'delivery_planned',
    message: 'Notifying Alice: Slack now, webhook now; not used: SMS unverified',
    data: { userId: 'u-alice', skipped: [{ reason: 'SMS unverified' }] },
    createdAt: at(0),
  },
  { type: 'notification_unavailable', message: 'Slack to Alice not sent (Slack: no credentials configured); webhook is already on its way', data: { userId: 'u-alice', reason: 'Slack: no credentials configured' }, createdAt: at(0) },
  { type: 'notified', message: 'Paged Alice via webhook', data: { userId: 'u-alice', channel: 'webhook' }, createdAt: at(0) },
  { type: 'escalation_stopped', message: 'Escalation stopped: the incident is acknowledged', data: {}, createdAt: at(3) },
];

describe('explainPaging', () => {
  it('a paged person: the step, how they were reached, and every method not used with why', () => {
    const [a] = explainPaging(events, [alice]);
    expect(a).toMatchObject({ paged: true, reached: true });
    expect(a!.summary).toBe(
      'Step 1 of 2: paging Alice (named in the step); reached via webhook; not used: SMS unverified, Slack: no credentials configured',
    );
    expect(a!.facts.map((f) => f.type)).toEqual(['escalation_step', 'delivery_planned', 'notification_unavailable', 'notified']);
  });

  it('someone no step paged: said so, with how the escalation ended', () => {
    const [b] = explainPaging(events, [bob]);
    expect(b).toMatchObject({ paged: false, reached: false, facts: [] });
    expect(b!.summary).toBe(
      "Bob was not paged: no step of this incident's escalation paged them; the escalation stopped at 2026-11-28T21:03:00.000Z (the incident is acknowledged)",
    );
  });
});

describe('explainPaging: stored rows the catalog does not know', () => {
  // an older row of a type no longer written, and a catalog type whose data does not match
  const odd: ExplainEvent[] = [
    ...events,
    { type: 'paged_by_pigeon', message: 'A pigeon flew to Alice', data: { userId: 'u-alice' }, createdAt: at(1) },
    { type: 'notified', message: 'Paged Alice via carrier pigeon', data: { userId: 'u-alice', channel: 7, attempt: 'one' }, createdAt: at(2) },
    { type: 'escalation_step', message: 'Step 2 of 2: paging Bob', data: { pages: 'u-bob' }, createdAt: at(2) },
    { type: 'escalation_stopped', message: 'not an object', data: null, createdAt: at(4) },
  ];

  it('never throws; they are facts about the person their data names, and decide nothing', () => {
    const [a, b] = explainPaging(odd, [alice, bob]);
    expect(a!.summary).toBe(
      'Step 1 of 2: paging Alice (named in the step); reached via webhook; not used: SMS unverified, Slack: no credentials configured',
    );
    expect(a!.facts.map((f) => f.message)).toContain('A pigeon flew to Alice');
    expect(a!.facts.map((f) => f.message)).toContain('Paged Alice via carrier pigeon');
    expect(b).toMatchObject({ paged: false });
  });

  it('explainPagingPeople still names the people their data names', () => {
    expect(explainPagingPeople([{ type: 'paged_by_pigeon', message: 'm', data: { userId: 'u-carol' }, createdAt: at(0) }, { type: 'note', message: 'm', data: 'x', createdAt: at(0) }], {})).toEqual(['u-carol']);
  });
});

describe('explainPaging: people not paged, from what the engine recorded', () => {
  // the engine's own record of a step: decideEscalation + describeEscalationDecision
  const primary: Schedule = {
    id: 'primary',
    timeZone: 'UTC',
    layers: [
      { name: 'Secondary', members: ['carol'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-11-23T00:00:00Z' },
      { name: 'Primary', members: ['u-alice', 'dave'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-11-23T00:00:00Z' },
    ],
  };
  const override = { id: 'ov', userId: 'u-bob', start: '2026-11-28T02:00:00Z', end: '2026-11-28T06:00:00Z' };
  const NAMES = new Map([
    ['u-alice', 'Alice'],
    ['u-bob', 'Bob'],
    ['carol', 'Carol'],
    ['dave', 'Dave'],
    ['erin', 'Erin'],
    ['primary', 'Ops'],
  ]);
  const names: EscalationNames = { user: (id) => NAMES.get(id) ?? id, schedule: (id) => NAMES.get(id) ?? id, team: (id) => id };
  const run: EscalationRun = {
    policy: {
      name: 'Ops',
      teamId: 'sre',
      repeat: 0,
      steps: [
        { delayMinutes: 10, targets: [{ type: 'schedule', id: 'primary' }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: 'erin' }] },
      ],
    },
    urgency: 'high',
    baseCycle: 0,
  };
  const resolver = (overrides: ScheduleOverride[]): TargetResolver => ({
    scheduleOnCall: (_id, at) => onCallAt(primary, overrides, at),
    userExists: () => true,
    teamLeads: () => [],
  });
  const stepEvents = (at: Date, overrides: ScheduleOverride[]): ExplainEvent[] =>
    describeEscalationDecision(run, decideEscalation(run, { cycle: 0, step: 0 }, at, resolver(overrides)), names).map((e) => ({ ...e, createdAt: at }));
  const context = {
    steps: run.policy.steps,
    schedules: new Map([['primary', { name: 'Ops', layers: [{ layerName: 'Secondary', members: ['carol'] }, { layerName: 'Primary', members: ['u-alice', 'dave'] }] }]]),
    names: NAMES,
  };
  const people = [alice, bob, { id: 'carol', name: 'Carol' }, { id: 'dave', name: 'Dave' }, { id: 'erin', name: 'Erin' }];
  const night = new Date('2026-11-28T03:00:00Z');
  const acked: ExplainEvent = { type: 'escalation_stopped', message: 'Escalation stopped: the incident is acknowledged', data: {}, createdAt: new Date('2026-11-28T03:04:00Z') };

  it('an override replaced Alice; Carol was outranked by a higher layer (and the override); Dave is a member whose shift it was not; Erin was acknowledged before her turn', () => {
    const events = [...stepEvents(night, [override]), acked];
    expect(events[0]!.message).toContain('paging Bob (on call in schedule "Ops": override 2026-11-28T02:00:00.000Z to 2026-11-28T06:00:00.000Z, replacing Alice on layer "Primary")');
    const [a, b, c, d, e] = explainPaging(events, people, context);
    expect(b).toMatchObject({ paged: true, reached: false });
    expect(a).toMatchObject({ paged: false, reasons: [{ code: 'override_replaced' }] });
    expect(a!.summary).toBe(
      'Alice was not paged: not on call in schedule "Ops" at 2026-11-28T03:00:00.000Z: Bob\'s override (2026-11-28T02:00:00.000Z to 2026-11-28T06:00:00.000Z) replaced Alice on layer "Primary" (their shift 2026-11-23T00:00:00.000Z to 2026-11-30T00:00:00.000Z)',
    );
    expect(a!.facts.map((f) => f.type)).toEqual(['escalation_step']);
    expect(c!.summary).toBe(
      'Carol was not paged: not on call in schedule "Ops" at 2026-11-28T03:00:00.000Z: it was Carol\'s shift on layer "Secondary" (their shift 2026-11-23T00:00:00.000Z to 2026-11-30T00:00:00.000Z), but the higher layer "Primary" had Alice; Bob\'s override (2026-11-28T02:00:00.000Z to 2026-11-28T06:00:00.000Z) was on call over every layer',
    );
    expect(d!.summary).toBe('Dave was not paged: not on call in schedule "Ops" at 2026-11-28T03:00:00.000Z: Bob was on call by an override (2026-11-28T02:00:00.000Z to 2026-11-28T06:00:00.000Z)');
    expect(e!.summary).toBe(
      'Erin was not paged: step 2 (named in it) never ran: the escalation stopped at 2026-11-28T03:04:00.000Z (the incident is acknowledged), before it was due at 2026-11-28T03:10:00.000Z',
    );
    expect(e!.reasons.map((r) => r.code)).toEqual(['stopped_before_turn']);
    expect(e!.facts.map((f) => f.type)).toEqual(['escalation_stopped']);
  });

  it('without the override: Alice is paged by her shift, Carol is outranked, Dave is told whose shift it was; Erin\'s step has not run yet', () => {
    const events = stepEvents(night, []);
    const [a, , c, d, e] = explainPaging(events, people, context);
    expect(a).toMatchObject({ paged: true });
    expect(a!.summary).toContain('paging Alice (on call in schedule "Ops": layer "Primary", shift 0');
    expect(c!.summary).toBe(
      'Carol was not paged: not on call in schedule "Ops" at 2026-11-28T03:00:00.000Z: it was Carol\'s shift on layer "Secondary" (their shift 2026-11-23T00:00:00.000Z to 2026-11-30T00:00:00.000Z), but the higher layer "Primary" had Alice',
    );
    expect(d!.summary).toBe(
      'Dave was not paged: not on call in schedule "Ops" at 2026-11-28T03:00:00.000Z: it was Alice\'s shift (layer "Primary", shift 0, 2026-11-23T00:00:00.000Z to 2026-11-30T00:00:00.000Z)',
    );
    expect(e).toMatchObject({ reasons: [{ code: 'step_not_run_yet', message: 'step 2 (named in it) has not run yet: due at 2026-11-28T03:10:00.000Z unless acknowledged' }] });
  });

  it('a paged person: a rule after the acknowledgement was never sent; a rule after the next step is said to come too late', () => {
    const events: ExplainEvent[] = [
      ...stepEvents(night, []),
      {
        type: 'delivery_planned',
        message: 'Notifying Alice: webhook now, SMS after 5 min, voice after 15 min',
        data: { userId: 'u-alice', sends: [{ type: 'webhook', delayMinutes: 0 }, { type: 'sms', delayMinutes: 5 }, { type: 'voice', delayMinutes: 15 }], skipped: [] },
        createdAt: night,
      },
      { type: 'notified', message: 'Paged Alice via webhook', data: { userId: 'u-alice', channel: 'webhook' }, createdAt: night },
      acked,
    ];
    const [a] = explainPaging(events, [alice], context);
    expect(a!.reasons.map((r) => r.code)).toEqual(['paged', 'reached', 'send_not_needed', 'send_not_needed']);
    expect(a!.reasons[2]!.message).toBe(
      'SMS after 5 min (due 2026-11-28T03:05:00.000Z) was not sent: the escalation stopped at 2026-11-28T03:04:00.000Z (the incident is acknowledged), before it was due',
    );
    const [late] = explainPaging(events.slice(0, -1), [alice], context);
    expect(late!.reasons.map((r) => r.code)).toEqual(['paged', 'reached', 'rule_after_next_step']);
    expect(late!.reasons[2]!.message).toBe(
      'voice after 15 min (due 2026-11-28T03:15:00.000Z) comes after the next step (due 2026-11-28T03:10:00.000Z): the escalation moves on before this rule',
    );
  });

  it('paged once, then replaced by an override when the schedule was asked again: both are said', () => {
    const later = new Date('2026-11-28T03:20:00Z');
    const events = [...stepEvents(night, []), ...stepEvents(later, [{ ...override, start: '2026-11-28T03:15:00Z' }])];
    const [a] = explainPaging(events, [alice], context);
    expect(a!.reasons.map((r) => r.code)).toEqual(['paged', 'not_sent_yet', 'override_replaced']);
    expect(a!.reasons[2]!.message).toContain('not on call in schedule "Ops" at 2026-11-28T03:20:00.000Z: Bob\'s override (2026-11-28T03:15:00.000Z to 2026-11-28T06:00:00.000Z) replaced Alice');
    expect(a!.facts.map((f) => f.type)).toEqual(['escalation_step', 'escalation_step']);
  });

  it('an escalation that never started says why', () => {
    const none: ExplainEvent = { type: 'escalation_not_started', message: 'Nobody paged: service "db" has no escalation policy', data: { reason: 'no-policy' }, createdAt: night };
    expect(explainPaging([none], [alice])[0]!.summary).toBe('Alice was not paged: no step of this incident\'s escalation paged them; Nobody paged: service "db" has no escalation policy');
  });

  it('the people explained: everyone the record and the policy name', () => {
    expect(explainPagingPeople(stepEvents(night, [override]), context).sort()).toEqual(['carol', 'dave', 'erin', 'u-alice', 'u-bob']);
    expect(explainPagingPeople(events, {})).toEqual(['u-alice']);
  });

  it('a flapping group: the flap suppression is stated with the numbers that triggered it', () => {
    const flapping: ExplainEvent[] = [
      ...events.slice(0, 4),
      { type: 'flapping_started', message: 'Flapping: …', data: { changes: 4, windowSeconds: 1800, threshold: 4 }, createdAt: at(2) },
      { type: 'flap_suppressed', message: 'Firing again while flapping …', data: { changes: 5, windowSeconds: 1800, threshold: 4, flapChanges: 5 }, createdAt: at(3) },
    ];
    const [a] = explainPaging(flapping, [alice]);
    const flap = a!.reasons.filter((r) => r.code === 'flap_suppressed').map((r) => r.message);
    expect(flap).toEqual([
      `its alert group started flapping at ${at(2).toISOString()}: 4 state changes (firing ↔ resolved) in 30 min (threshold 4); re-fires while it flaps page no one`,
      `not paged again at ${at(3).toISOString()} (flap suppression): its alerts fired again while the group was flapping, 5 state changes in 30 min (threshold 4), 5 since it started`,
    ]);
    expect(a!.facts.map((f) => f.type)).toContain('flap_suppressed');
    const [b] = explainPaging(flapping, [bob]);
    expect(b!.summary).toContain('(flap suppression)');
  });
});
