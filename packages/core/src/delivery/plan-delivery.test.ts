import { describe, expect, it } from 'vitest';
import type { ContactMethodType } from './contact-method-value';
import { nextFallback, planDelivery, sendDueAt, type PlanMethod, type PlanRule } from './plan-delivery';

const ALL: ReadonlySet<ContactMethodType> = new Set(['sms', 'voice', 'slack', 'webhook', 'log']);
const TODAY: ReadonlySet<ContactMethodType> = new Set(['webhook', 'log']);

const slack: PlanMethod = { id: 'm-slack', type: 'slack', verified: true };
const sms: PlanMethod = { id: 'm-sms', type: 'sms', verified: true };
const voice: PlanMethod = { id: 'm-voice', type: 'voice', verified: true };
const hook: PlanMethod = { id: 'm-hook', type: 'webhook', verified: true };
const log: PlanMethod = { id: 'm-log', type: 'log', verified: true };
const rule = (id: string, m: PlanMethod, delayMinutes: number, urgency: PlanRule['urgency'] = 'any'): PlanRule => ({ id, contactMethodId: m.id, delayMinutes, urgency });

describe('planDelivery', () => {
  it('slack at 0, sms at 1 min, voice at 3 min, in due order whatever order the rules were made', () => {
    const plan = planDelivery({
      rules: [rule('r3', voice, 3), rule('r1', slack, 0), rule('r2', sms, 1)],
      methods: [slack, sms, voice],
      urgency: 'high',
      allowVoice: true,
      configured: ALL,
    });
    expect(plan.sends.map((s) => [s.type, s.delayMinutes, s.ruleId])).toEqual([
      ['slack', 0, 'r1'],
      ['sms', 1, 'r2'],
      ['voice', 3, 'r3'],
    ]);
    expect(plan.skipped).toEqual([]);
    expect(plan.defaulted).toBe(false);
  });

  it('names every method not used and why: unverified, no credentials, low urgency, a rule of the other urgency', () => {
    const plan = planDelivery({
      rules: [rule('r1', slack, 0), rule('r2', hook, 0), rule('r3', { ...sms, verified: false }, 1), rule('r4', voice, 3), rule('r5', log, 5, 'high')],
      methods: [slack, hook, { ...sms, verified: false }, voice, log],
      urgency: 'low',
      allowVoice: false,
      configured: TODAY,
    });
    expect(plan.sends.map((s) => s.type)).toEqual(['webhook']);
    expect(plan.skipped.map((s) => [s.type, s.code, s.reason])).toEqual([
      ['slack', 'no_provider', 'Slack: no credentials configured'],
      ['sms', 'unverified', 'SMS unverified'],
      ['voice', 'low_urgency', 'voice: low urgency (no calls)'],
      ['log', 'urgency_mismatch', 'log: rule for high-urgency incidents only'],
    ]);
  });

  it('one send per contact method: the earliest rule wins', () => {
    const plan = planDelivery({ rules: [rule('late', hook, 5), rule('early', hook, 0)], methods: [hook], urgency: 'high', allowVoice: true, configured: ALL });
    expect(plan.sends).toEqual([{ contactMethodId: 'm-hook', type: 'webhook', delayMinutes: 0, ruleId: 'early' }]);
  });

  it('ignores a rule whose method is gone', () => {
    const plan = planDelivery({ rules: [rule('r1', sms, 0)], methods: [log], urgency: 'high', allowVoice: true, configured: ALL });
    expect(plan.defaulted).toBe(true);
    expect(plan.sends.map((s) => s.type)).toEqual(['log']);
  });

  it('no usable rule: the first usable method at once (slack, sms, webhook, voice, log), the others in reserve', () => {
    const plan = planDelivery({
      rules: [rule('r1', { ...sms, verified: false }, 0)],
      methods: [log, voice, { ...sms, verified: false }, hook, slack],
      urgency: 'high',
      allowVoice: true,
      configured: TODAY,
    });
    expect(plan.defaulted).toBe(true);
    expect(plan.sends).toEqual([{ contactMethodId: 'm-hook', type: 'webhook', delayMinutes: 0, ruleId: null }]);
    expect(plan.reserve.map((s) => s.type)).toEqual(['log']);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['SMS unverified', 'Slack: no credentials configured', 'voice: no credentials configured']);
  });

  it('nobody reachable: no sends, every reason', () => {
    const plan = planDelivery({ rules: [], methods: [{ ...sms, verified: false }], urgency: 'high', allowVoice: true, configured: ALL });
    expect(plan.sends).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['SMS unverified']);
  });
});

describe('nextFallback', () => {
  const plan = planDelivery({
    rules: [rule('r1', hook, 0), rule('r2', log, 2), rule('r3', sms, 5)],
    methods: [hook, log, sms],
    urgency: 'high',
    allowVoice: true,
    configured: ALL,
  });

  it('is the next untried send of the plan', () => {
    expect(nextFallback(plan, new Set(['m-hook']))?.contactMethodId).toBe('m-log');
    expect(nextFallback(plan, new Set(['m-hook', 'm-log']))?.contactMethodId).toBe('m-sms');
    expect(nextFallback(plan, new Set(['m-hook', 'm-log', 'm-sms']))).toBeNull();
  });

  it('goes on to the reserve of a defaulted plan', () => {
    const d = planDelivery({ rules: [], methods: [log, hook], urgency: 'high', allowVoice: true, configured: ALL });
    expect(d.sends.map((s) => s.type)).toEqual(['webhook']);
    expect(nextFallback(d, new Set(['m-hook']))?.type).toBe('log');
  });
});

describe('sendDueAt', () => {
  it('counts minutes from the page', () => {
    expect(sendDueAt(new Date('2026-11-28T21:00:00Z'), 3).toISOString()).toBe('2026-11-28T21:03:00.000Z');
  });
});
