import { describe, expect, it } from 'vitest';
import { CONTACT_METHOD_TYPES, type ContactMethodType } from './contact-method-value';
import { decideFallback, type FallbackDecision, type FallbackState } from './decide-fallback';
import type { PlanTarget } from './plan-pages';

const NOW = new Date('2026-03-01T10:05:00Z');
const ALL: ReadonlySet<ContactMethodType> = new Set(CONTACT_METHOD_TYPES);
const alice: PlanTarget = {
  userId: 'u1',
  userName: 'Alice',
  methods: [
    { id: 'm-sms', type: 'sms', value: '+4915100000', verified: true },
    { id: 'm-hook', type: 'webhook', value: 'https://hooks.example/a', verified: true },
    { id: 'm-voice', type: 'voice', value: '+4915100000', verified: true },
  ],
  rules: [],
};
const base: FallbackState = { queued: null, target: alice, urgency: 'high', allowVoice: true, configured: ALL, tried: new Set(['m-sms']), live: false, now: NOW };

const cases: { name: string; state: Partial<FallbackState>; decision: FallbackDecision }[] = [
  {
    name: 'a queued delivery already due is on its way',
    state: { queued: { id: 'd2', channel: 'webhook', dueAt: new Date('2026-03-01T10:04:00Z') } },
    decision: { kind: 'already_due', sentence: 'webhook is already on its way' },
  },
  {
    name: 'a queued delivery due at this instant counts as on its way',
    state: { queued: { id: 'd2', channel: 'slack', dueAt: NOW } },
    decision: { kind: 'already_due', sentence: 'Slack is already on its way' },
  },
  {
    name: 'a queued delivery due later is pulled forward to now',
    state: { queued: { id: 'd2', channel: 'sms', dueAt: new Date('2026-03-01T10:08:00Z') } },
    decision: { kind: 'pull_forward', deliveryId: 'd2', sentence: 'trying SMS now (planned for later)' },
  },
  {
    name: 'an unknown channel is named as stored',
    state: { queued: { id: 'd2', channel: 'pigeon', dueAt: new Date('2026-03-01T10:08:00Z') } },
    decision: { kind: 'pull_forward', deliveryId: 'd2', sentence: 'trying pigeon now (planned for later)' },
  },
  {
    name: 'nothing queued, no rules: the next untried method of the default order',
    state: {},
    decision: { kind: 'send', contactMethodId: 'm-hook', channel: 'webhook', target: 'https://hooks.example/a', ruleId: null, sentence: 'trying webhook now' },
  },
  {
    name: 'untried methods the worker has no provider for are not used',
    state: { tried: new Set(['m-sms']), configured: new Set<ContactMethodType>(['sms', 'voice', 'log']) },
    decision: { kind: 'send', contactMethodId: 'm-voice', channel: 'voice', target: '+4915100000', ruleId: null, sentence: 'trying voice now' },
  },
  {
    name: 'with rules: the next planned send, now rather than at its delay; unplanned methods are no reserve',
    state: { target: { ...alice, rules: [{ id: 'r1', contactMethodId: 'm-sms', delayMinutes: 0, urgency: 'any' }, { id: 'r2', contactMethodId: 'm-voice', delayMinutes: 5, urgency: 'any' }] } },
    decision: { kind: 'send', contactMethodId: 'm-voice', channel: 'voice', target: '+4915100000', ruleId: 'r2', sentence: 'trying voice now' },
  },
  {
    name: 'with rules, all planned sends tried: nothing left',
    state: { target: { ...alice, rules: [{ id: 'r1', contactMethodId: 'm-sms', delayMinutes: 0, urgency: 'any' }] } },
    decision: { kind: 'give_up', failPage: true, sentence: 'nothing left to try' },
  },
  {
    name: 'everything tried and nothing live: the page fails',
    state: { tried: new Set(['m-sms', 'm-hook', 'm-voice']) },
    decision: { kind: 'give_up', failPage: true, sentence: 'nothing left to try' },
  },
  {
    name: 'everything tried but another delivery went out: the page stays',
    state: { tried: new Set(['m-sms', 'm-hook', 'm-voice']), live: true },
    decision: { kind: 'give_up', failPage: false, sentence: 'nothing left to try' },
  },
  {
    name: 'low urgency: no call as a fallback',
    state: { tried: new Set(['m-sms', 'm-hook']), allowVoice: false, urgency: 'low' },
    decision: { kind: 'give_up', failPage: true, sentence: 'nothing left to try' },
  },
  {
    name: 'the user is gone',
    state: { target: null },
    decision: { kind: 'give_up', failPage: true, sentence: 'nothing left to try' },
  },
];

describe('decideFallback', () => {
  it.each(cases)('$name', ({ state, decision }) => {
    expect(decideFallback({ ...base, ...state })).toEqual(decision);
  });
});
