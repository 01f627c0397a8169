import { describe, expect, it } from 'vitest';
import { onCallAt } from '../schedule/on-call-at';
import type { Schedule, ScheduleOverride } from '../schedule/schedule';
import { decideEscalation, decisionPages } from './decide-escalation';
import type { EscalationPolicy, EscalationStep } from './escalation-policy';
import type { EscalationRun } from './escalation-position';
import type { TargetResolver } from './resolve-step-targets';

// alice 09:00-10:00, bob 10:00-11:00, alice 11:00-12:00 ... (Berlin, +01:00 in March before the change)
const primary: Schedule = {
  id: 'primary',
  timeZone: 'Europe/Berlin',
  layers: [{ name: 'Hourly', members: ['alice', 'bob'], rotation: { type: 'hourly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
};
// only at night: nobody during the day
const nights: Schedule = {
  id: 'nights',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      name: 'Nights',
      members: ['carol'],
      rotation: { type: 'weekly', shiftLength: 1 },
      start: '2026-03-16T00:00:00+01:00',
      restrictions: [{ type: 'daily', start: '22:00', end: '06:00' }],
    },
  ],
};

function resolverFor(opts: { overrides?: Record<string, ScheduleOverride[]>; users?: string[]; leads?: string[] } = {}): TargetResolver {
  const schedules: Record<string, Schedule> = { primary, nights };
  const users = new Set(opts.users ?? ['alice', 'bob', 'carol', 'dave', 'lead']);
  return {
    scheduleOnCall: (id, at) => (schedules[id] ? onCallAt(schedules[id], opts.overrides?.[id] ?? [], at) : null),
    userExists: (id) => users.has(id),
    teamLeads: () => opts.leads ?? ['lead'],
  };
}

const step = (delayMinutes: number, ...targets: EscalationStep['targets']): EscalationStep => ({ delayMinutes, targets });
const run = (steps: EscalationStep[], over: Partial<EscalationRun> & { repeat?: number } = {}): EscalationRun => ({
  policy: { name: 'Ops', teamId: 'sre', repeat: over.repeat ?? 0, steps } satisfies EscalationPolicy,
  urgency: over.urgency ?? 'high',
  baseCycle: over.baseCycle ?? 0,
});
const T = new Date('2026-03-16T09:30:00+01:00');
const pagedUsers = (d: ReturnType<typeof decideEscalation>) => decisionPages(d).map((p) => p.page.userId);

describe('decideEscalation', () => {
  it('step 1 pages whoever the schedule has on call, and says why', () => {
    const r = run([step(5, { type: 'schedule', id: 'primary' }), step(10, { type: 'user', id: 'dave' })]);
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.visits).toHaveLength(1);
    expect(d.visits[0]!.pages).toEqual([
      {
        userId: 'alice',
        reasons: [
          {
            kind: 'schedule',
            targetIndex: 0,
            scheduleId: 'primary',
            because: expect.objectContaining({ kind: 'layer', layerName: 'Hourly', shiftNumber: 0, shiftStart: '2026-03-16T08:00:00.000Z' }),
          },
        ],
      },
    ]);
    expect(d.next).toEqual({ position: { cycle: 0, step: 1 }, dueAt: '2026-03-16T08:35:00.000Z' });
    expect(d.fallback).toBeNull();
  });

  it('an override wins and is named', () => {
    const overrides = { primary: [{ id: 'ov-1', userId: 'dave', start: '2026-03-16T09:00:00+01:00', end: '2026-03-16T12:00:00+01:00' }] };
    const d = decideEscalation(run([step(5, { type: 'schedule', id: 'primary' })]), { cycle: 0, step: 0 }, T, resolverFor({ overrides }));
    expect(d.visits[0]!.pages[0]).toMatchObject({ userId: 'dave', reasons: [{ because: { kind: 'override', overrideId: 'ov-1' } }] });
  });

  it('the next step resolves at its own instant (a handoff between steps)', () => {
    const r = run([step(5, { type: 'schedule', id: 'primary' }), step(10, { type: 'schedule', id: 'primary' })]);
    const d = decideEscalation(r, { cycle: 0, step: 1 }, new Date('2026-03-16T10:05:00+01:00'), resolverFor());
    expect(pagedUsers(d)).toEqual(['bob']);
  });

  it('a person named by two targets is paged once with both reasons', () => {
    const r = run([step(5, { type: 'schedule', id: 'primary' }, { type: 'user', id: 'alice' }, { type: 'user', id: 'bob' })]);
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.visits[0]!.pages.map((p) => [p.userId, p.reasons.map((x) => x.kind)])).toEqual([
      ['alice', ['schedule', 'user']],
      ['bob', ['user']],
    ]);
  });

  it('a step resolving to nobody is skipped at once: the next step is entered at the same instant', () => {
    const r = run([step(5, { type: 'schedule', id: 'nights' }), step(10, { type: 'user', id: 'dave' }), step(15, { type: 'user', id: 'bob' })]);
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.visits.map((v) => [v.position.step, v.pages.map((p) => p.userId)])).toEqual([
      [0, []],
      [1, ['dave']],
    ]);
    expect(d.visits[0]!.targets[0]!.outcome).toEqual({ kind: 'nobody-on-call', layers: [{ layerName: 'Nights', empty: 'outside-restrictions' }] });
    // step 2's delay, from the same instant
    expect(d.next).toEqual({ position: { cycle: 0, step: 2 }, dueAt: '2026-03-16T08:40:00.000Z' });
  });

  it('missing users and schedules, and Slack channels, page nobody', () => {
    const r = run([
      step(5, { type: 'user', id: 'ghost' }, { type: 'schedule', id: 'deleted' }, { type: 'slackChannel', id: 'C1' }),
      step(5, { type: 'user', id: 'bob' }),
    ]);
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.visits[0]!.targets.map((t) => t.outcome.kind)).toEqual(['user-missing', 'schedule-missing', 'slack-channel']);
    expect(pagedUsers(d)).toEqual(['bob']);
  });

  it('a schedule whose on-call user was deleted has nobody on call', () => {
    const d = decideEscalation(run([step(5, { type: 'schedule', id: 'primary' })]), { cycle: 0, step: 0 }, T, resolverFor({ users: ['bob', 'lead'] }));
    expect(d.visits[0]!.targets[0]!.outcome.kind).toBe('nobody-on-call');
    expect(pagedUsers(d)).toEqual(['lead']);
  });

  it('a full pass of nobody pages the team leads, counted for the last step, and goes on to the next pass', () => {
    const r = run([step(5, { type: 'schedule', id: 'nights' }), step(7, { type: 'user', id: 'ghost' })], { repeat: 1 });
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor({ leads: ['lead', 'lead', 'ghost'] }));
    expect(d.visits).toHaveLength(2);
    expect(d.fallback).toEqual({ position: { cycle: 0, step: 1 }, teamId: 'sre', pages: [{ userId: 'lead', reasons: [{ kind: 'fallback-lead', teamId: 'sre' }] }] });
    expect(d.next).toEqual({ position: { cycle: 1, step: 0 }, dueAt: '2026-03-16T08:37:00.000Z' });
    expect(decisionPages(d)).toEqual([{ position: { cycle: 0, step: 1 }, page: expect.objectContaining({ userId: 'lead' }) }]);
  });

  it('a full pass is counted across the pass boundary when starting mid-policy', () => {
    const r = run([step(5, { type: 'schedule', id: 'nights' }), step(5, { type: 'schedule', id: 'nights' })], { repeat: 2 });
    const d = decideEscalation(r, { cycle: 0, step: 1 }, T, resolverFor());
    expect(d.visits.map((v) => v.position)).toEqual([
      { cycle: 0, step: 1 },
      { cycle: 1, step: 0 },
    ]);
    expect(d.fallback?.position).toEqual({ cycle: 1, step: 0 });
    expect(d.next?.position).toEqual({ cycle: 1, step: 1 });
  });

  it('running out of steps without paging anybody falls back to the leads', () => {
    const r = run([step(5, { type: 'user', id: 'bob' }), step(5, { type: 'schedule', id: 'nights' })]);
    const d = decideEscalation(r, { cycle: 0, step: 1 }, T, resolverFor());
    expect(d.fallback?.pages.map((p) => p.userId)).toEqual(['lead']);
    expect(d.next).toBeNull();
  });

  it('a team without leads: the fallback pages nobody', () => {
    const d = decideEscalation(run([step(5, { type: 'schedule', id: 'nights' })]), { cycle: 0, step: 0 }, T, resolverFor({ leads: [] }));
    expect(d.fallback).toMatchObject({ pages: [] });
    expect(pagedUsers(d)).toEqual([]);
  });

  it('the last step of the last pass ends the run (exhausted)', () => {
    const r = run([step(5, { type: 'user', id: 'alice' }), step(5, { type: 'user', id: 'bob' })], { repeat: 1 });
    expect(decideEscalation(r, { cycle: 0, step: 1 }, T, resolverFor()).next?.position).toEqual({ cycle: 1, step: 0 });
    expect(decideEscalation(r, { cycle: 1, step: 1 }, T, resolverFor()).next).toBeNull();
  });

  it('low urgency pages the first step only, once', () => {
    const r = run([step(5, { type: 'user', id: 'alice' }), step(5, { type: 'user', id: 'bob' })], { repeat: 3, urgency: 'low' });
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(pagedUsers(d)).toEqual(['alice']);
    expect(d.next).toBeNull();
    expect(() => decideEscalation(r, { cycle: 0, step: 1 }, T, resolverFor())).toThrow(RangeError);
  });

  it('low urgency with nobody in the first step goes to the leads, not to step 2', () => {
    const r = run([step(5, { type: 'schedule', id: 'nights' }), step(5, { type: 'user', id: 'bob' })], { urgency: 'low' });
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.visits).toHaveLength(1);
    expect(pagedUsers(d)).toEqual(['lead']);
    expect(d.next).toBeNull();
  });

  it('a later run counts its passes from its base cycle', () => {
    const r = run([step(5, { type: 'user', id: 'alice' })], { repeat: 1, baseCycle: 4 });
    expect(decideEscalation(r, { cycle: 4, step: 0 }, T, resolverFor()).next?.position).toEqual({ cycle: 5, step: 0 });
    expect(decideEscalation(r, { cycle: 5, step: 0 }, T, resolverFor()).next).toBeNull();
    expect(() => decideEscalation(r, { cycle: 3, step: 0 }, T, resolverFor())).toThrow(RangeError);
  });
});

describe('decideEscalation without a team', () => {
  it('a policy whose team was deleted has no leads to fall back to', () => {
    const r: EscalationRun = { policy: { name: 'Ops', teamId: null, repeat: 0, steps: [step(5, { type: 'schedule', id: 'nights' })] }, urgency: 'high', baseCycle: 0 };
    const d = decideEscalation(r, { cycle: 0, step: 0 }, T, resolverFor());
    expect(d.fallback).toEqual({ position: { cycle: 0, step: 0 }, teamId: null, pages: [] });
  });
});
