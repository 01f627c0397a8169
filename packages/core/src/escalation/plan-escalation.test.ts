import { describe, expect, it } from 'vitest';
import { onCallAt } from '../schedule/on-call-at';
import type { Schedule } from '../schedule/schedule';
import { decisionPages } from './decide-escalation';
import type { EscalationPolicy } from './escalation-policy';
import { planEscalation } from './plan-escalation';
import type { TargetResolver } from './resolve-step-targets';

// New York, across the spring change (2026-03-08 02:00 EST -> 03:00 EDT): hourly handoffs are exact elapsed hours
const primary: Schedule = {
  id: 'primary',
  timeZone: 'America/New_York',
  layers: [{ name: 'Hourly', members: ['alice', 'bob'], rotation: { type: 'hourly', shiftLength: 1 }, start: '2026-03-08T00:00:00-05:00' }],
};
const resolver: TargetResolver = {
  scheduleOnCall: (id, at) => (id === 'primary' ? onCallAt(primary, [], at) : null),
  userExists: () => true,
  teamLeads: () => ['lead'],
};
const policy: EscalationPolicy = {
  name: 'Ops',
  teamId: 'sre',
  repeat: 1,
  steps: [
    { delayMinutes: 30, targets: [{ type: 'schedule', id: 'primary' }] },
    { delayMinutes: 45, targets: [{ type: 'user', id: 'dave' }] },
  ],
};

describe('planEscalation', () => {
  it('lays out every step of every pass if nobody acknowledges, with the on-call person at each instant', () => {
    // 01:40 EST = 06:40Z; alice 00:00-01:00 EST, bob 01:00-03:00 EDT (the 02:00 EST hour is 03:00 EDT), alice from 03:00 EDT
    const plan = planEscalation(policy, new Date('2026-03-08T06:40:00Z'), resolver);
    expect(plan.decisions.map((d) => [d.at, decisionPages(d).map((p) => `c${p.position.cycle}s${p.position.step}:${p.page.userId}`)])).toEqual([
      ['2026-03-08T06:40:00.000Z', ['c0s0:bob']],
      ['2026-03-08T07:10:00.000Z', ['c0s1:dave']],
      ['2026-03-08T07:55:00.000Z', ['c1s0:alice']],
      ['2026-03-08T08:25:00.000Z', ['c1s1:dave']],
    ]);
    expect(plan.exhaustedAt).toBe('2026-03-08T08:25:00.000Z');
    expect(plan.decisions.at(-1)!.next).toBeNull();
  });

  it('low urgency: one decision', () => {
    const plan = planEscalation(policy, new Date('2026-03-08T06:40:00Z'), resolver, { urgency: 'low' });
    expect(plan.decisions).toHaveLength(1);
    expect(plan.urgency).toBe('low');
  });

  it('ends even when nobody is ever found (each pass falls back to the leads)', () => {
    const nobody: TargetResolver = { ...resolver, scheduleOnCall: () => null, userExists: (u) => u === 'lead' };
    const plan = planEscalation({ ...policy, repeat: 9 }, new Date('2026-03-08T06:40:00Z'), nobody);
    expect(plan.decisions).toHaveLength(10);
    expect(plan.decisions.every((d) => d.fallback?.pages[0]?.userId === 'lead')).toBe(true);
  });
});
