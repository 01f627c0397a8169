import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_METHOD_TYPES, type ContactMethodType } from './contact-method-value';
import { planDelivery } from './plan-delivery';
import { describePlan, planPages, type PendingPage, type PlanTarget } from './plan-pages';

const ALL: ReadonlySet<ContactMethodType> = new Set(CONTACT_METHOD_TYPES);
const AT = new Date('2026-03-01T10:00:00Z');
const page = (over: Partial<PendingPage> = {}): PendingPage => ({ id: 'n1', incidentId: 'i1', userId: 'u1', allowVoice: true, createdAt: AT, urgency: 'high', ...over });
const alice: PlanTarget = {
  userId: 'u1',
  userName: 'Alice',
  methods: [
    { id: 'm-slack', type: 'slack', value: 'U123', verified: true },
    { id: 'm-sms', type: 'sms', value: '+4915100000', verified: true },
    { id: 'm-voice', type: 'voice', value: '+4915100000', verified: false },
  ],
  rules: [
    { id: 'r1', contactMethodId: 'm-slack', delayMinutes: 0, urgency: 'any' },
    { id: 'r2', contactMethodId: 'm-sms', delayMinutes: 1, urgency: 'any' },
    { id: 'r3', contactMethodId: 'm-voice', delayMinutes: 3, urgency: 'any' },
  ],
};

describe('describePlan', () => {
  const methods = (types: ContactMethodType[], verified = true) => types.map((type, i) => ({ id: `m${i}`, type, verified }));
  const cases: { name: string; input: Parameters<typeof planDelivery>[0]; count: number; sentence: string }[] = [
    {
      name: 'sends with delays and a skipped method',
      input: { rules: [{ id: 'r1', contactMethodId: 'm0', delayMinutes: 0, urgency: 'any' }, { id: 'r2', contactMethodId: 'm1', delayMinutes: 1, urgency: 'any' }, { id: 'r3', contactMethodId: 'm2', delayMinutes: 2, urgency: 'any' }], methods: [...methods(['slack', 'sms']), { id: 'm2', type: 'voice', verified: false }], urgency: 'high', allowVoice: true, configured: ALL },
      count: 3,
      sentence: 'Notifying Alice: Slack now, SMS after 1 min; not used: voice unverified',
    },
    {
      name: 'no rules: the first usable method',
      input: { rules: [], methods: methods(['sms', 'slack']), urgency: 'high', allowVoice: true, configured: ALL },
      count: 2,
      sentence: 'Notifying Alice: Slack now (no usable personal rule: their first usable method)',
    },
    {
      name: 'no contact methods',
      input: { rules: [], methods: [], urgency: 'high', allowVoice: true, configured: ALL },
      count: 0,
      sentence: 'Cannot notify Alice: they have no contact methods',
    },
    {
      name: 'nothing usable',
      input: { rules: [], methods: methods(['sms'], false), urgency: 'high', allowVoice: true, configured: ALL },
      count: 1,
      sentence: 'Cannot notify Alice: no usable contact method; not used: SMS unverified',
    },
  ];
  it.each(cases)('$name', ({ input, count, sentence }) => {
    expect(describePlan('Alice', planDelivery(input), count)).toBe(sentence);
  });
});

describe('planPages', () => {
  it('queues each send at the page time plus its delay, and says so on the timeline', () => {
    const { deliveries, events } = planPages([page()], new Map([['u1', alice]]), ALL);
    expect(deliveries).toEqual([
      { notificationId: 'n1', contactMethodId: 'm-slack', channel: 'slack', target: 'U123', ruleId: 'r1', dueAt: AT },
      { notificationId: 'n1', contactMethodId: 'm-sms', channel: 'sms', target: '+4915100000', ruleId: 'r2', dueAt: new Date('2026-03-01T10:01:00Z') },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ incidentId: 'i1', type: 'delivery_planned', actor: 'system', via: null, message: 'Notifying Alice: Slack now, SMS after 1 min; not used: voice unverified' });
    expect(events[0]!.data).toMatchObject({ userId: 'u1', notificationId: 'n1', defaulted: false });
  });

  it('a user who cannot be notified gets delivery_impossible and no deliveries', () => {
    const bob: PlanTarget = { userId: 'u2', userName: 'Bob', methods: [], rules: [] };
    const { deliveries, events } = planPages([page({ userId: 'u2' })], new Map([['u2', bob]]), ALL);
    expect(deliveries).toEqual([]);
    expect(events.map((e) => [e.type, e.message])).toEqual([['delivery_impossible', 'Cannot notify Bob: they have no contact methods']]);
  });

  it('a page of an unknown user gets nothing', () => {
    expect(planPages([page({ userId: 'gone' })], new Map([['u1', alice]]), ALL)).toEqual({ deliveries: [], events: [] });
  });

  it('low urgency: no call', () => {
    const verifiedVoice: PlanTarget = { ...alice, methods: alice.methods.map((m) => ({ ...m, verified: true })) };
    const { deliveries } = planPages([page({ allowVoice: false, urgency: 'low' })], new Map([['u1', verifiedVoice]]), ALL);
    expect(deliveries.map((d) => d.channel)).toEqual(['slack', 'sms']);
  });

  it('property: one event per page of a known user; deliveries never before the page, one per page and method', () => {
    const types = fc.constantFrom(...CONTACT_METHOD_TYPES);
    const target = fc.record({
      methods: fc.array(fc.record({ type: types, verified: fc.boolean() }), { maxLength: 4 }),
      delays: fc.array(fc.record({ method: fc.nat(5), delay: fc.nat(30), urgency: fc.constantFrom('high', 'low', 'any') }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(target, { minLength: 1, maxLength: 4 }), fc.boolean(), (users, allowVoice) => {
        const targets = new Map<string, PlanTarget>();
        users.forEach((u, i) => {
          const methods = u.methods.map((m, j) => ({ id: `u${i}m${j}`, type: m.type, value: `v${j}`, verified: m.verified }));
          const rules = u.delays.filter((r) => r.method < methods.length).map((r, k) => ({ id: `u${i}r${k}`, contactMethodId: methods[r.method]!.id, delayMinutes: r.delay, urgency: r.urgency }));
          targets.set(`u${i}`, { userId: `u${i}`, userName: `User ${i}`, methods, rules });
        });
        const pages = users.map((_, i) => page({ id: `n${i}`, userId: `u${i}`, allowVoice }));
        const { deliveries, events } = planPages(pages, targets, ALL);
        expect(events).toHaveLength(pages.length);
        for (const d of deliveries) expect(d.dueAt.getTime()).toBeGreaterThanOrEqual(AT.getTime());
        const keys = deliveries.map((d) => `${d.notificationId}/${d.contactMethodId}`);
        expect(new Set(keys).size).toBe(keys.length);
        if (!allowVoice) expect(deliveries.some((d) => d.channel === 'voice')).toBe(false);
        for (const e of events) expect(e.type === 'delivery_planned').toBe(deliveries.some((d) => d.notificationId === e.data.notificationId));
      }),
    );
  });
});
