import { describe, expect, it } from 'vitest';
import type { ContactMethodType } from '../delivery/contact-method-value';
import type { Schedule } from '../schedule/schedule';
import { decideReadiness, findingsOfTeam } from './decide-readiness';
import type { ReadinessInput, ReadinessSchedule, ReadinessUser } from './readiness-input';

// Monday 16 March 2026, 08:00 UTC; nothing here reads the clock.
const NOW = new Date('2026-03-16T08:00:00Z');
const ALL: ReadonlySet<ContactMethodType> = new Set(['sms', 'voice', 'slack', 'webhook', 'log']);
const TEAM = 'team-1';

const reachable = (id: string, name: string): ReadinessUser => ({
  id,
  name,
  methods: [{ id: `${id}-slack`, type: 'slack', verified: true }],
  rules: [{ id: `${id}-r`, contactMethodId: `${id}-slack`, delayMinutes: 0, urgency: 'any' }],
});

const schedule = (id: string, name: string, def: Schedule): ReadinessSchedule => ({
  id,
  name,
  teamId: TEAM,
  revisions: [{ effectiveFrom: '2026-03-01T00:00:00Z', schedule: def }],
  overrides: [],
});

const weekly: Schedule = {
  timeZone: 'Europe/Berlin',
  layers: [{ name: 'primary', members: ['alice', 'bob'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-02T09:00:00+01:00' }],
};

/** A fully covered setup: a 24x7 rotation, a second step, reachable people, a used service and a recent sender. */
function covered(): ReadinessInput {
  return {
    now: NOW,
    schedules: [schedule('s-primary', 'Primary', weekly)],
    policies: [
      {
        id: 'p-default',
        name: 'Default',
        teamId: TEAM,
        repeat: 1,
        steps: [
          { delayMinutes: 15, targets: [{ type: 'schedule', id: 's-primary' }, { type: 'slackChannel', id: 'C1' }] },
          { delayMinutes: 15, targets: [{ type: 'user', id: 'bob' }] },
        ],
      },
    ],
    services: [{ id: 'svc-api', name: 'API', teamId: TEAM, policyId: 'p-default' }],
    users: [reachable('alice', 'Alice'), reachable('bob', 'Bob')],
    integrations: [
      { type: 'integration_key', id: 'k-1', name: 'prometheus', teamId: TEAM, serviceId: 'svc-api', createdAt: new Date('2025-01-01T00:00:00Z'), lastReceivedAt: new Date('2026-03-15T00:00:00Z') },
    ],
    configured: ALL,
  };
}

describe('decideReadiness', () => {
  it('finds nothing in a fully covered setup', () => {
    const report = decideReadiness(covered());
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ from: '2026-03-16T08:00:00.000Z', to: '2026-03-30T08:00:00.000Z' });
  });

  it('finds each seeded hole, once, most severe first', () => {
    const input = covered();
    // business hours only: targeted next to Primary (a gap, but step 1 still pages) and alone (a step that pages nobody)
    input.schedules.push(
      schedule('s-office', 'Office hours', {
        timeZone: 'Europe/Berlin',
        layers: [
          {
            name: 'day',
            members: ['carol'],
            rotation: { type: 'daily', shiftLength: 1 },
            start: '2026-03-02T09:00:00+01:00',
            restrictions: [{ type: 'daily', start: '09:00', end: '17:00' }],
          },
        ],
      }),
      schedule('s-spare', 'Spare', weekly),
    );
    input.policies[0]!.steps[0]!.targets.push({ type: 'schedule', id: 's-office' });
    input.policies.push({ id: 'p-nights', name: 'Nights', teamId: TEAM, repeat: 0, steps: [{ delayMinutes: 10, targets: [{ type: 'schedule', id: 's-office' }] }] });
    // dave answers a first step of 5 minutes only after 20
    input.policies.push({
      id: 'p-slow',
      name: 'Slow',
      teamId: TEAM,
      repeat: 0,
      steps: [
        { delayMinutes: 5, targets: [{ type: 'user', id: 'dave' }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: 'alice' }] },
      ],
    });
    input.users.push(
      { id: 'carol', name: 'Carol', methods: [{ id: 'c-sms', type: 'sms', verified: false }], rules: [{ id: 'c-r', contactMethodId: 'c-sms', delayMinutes: 0, urgency: 'any' }] },
      { ...reachable('dave', 'Dave'), rules: [{ id: 'd-r', contactMethodId: 'dave-slack', delayMinutes: 20, urgency: 'high' }] },
    );
    input.services.push({ id: 'svc-orphan', name: 'Batch', teamId: TEAM, policyId: null }, { id: 'svc-n', name: 'Nightly', teamId: TEAM, policyId: 'p-nights' }, { id: 'svc-s', name: 'Slowpoke', teamId: TEAM, policyId: 'p-slow' });
    input.integrations.push(
      { type: 'routing_integration', id: 'ri-1', name: 'central', teamId: null, serviceId: null, createdAt: new Date('2025-06-01T00:00:00Z'), lastReceivedAt: new Date('2026-02-01T00:00:00Z') },
      { type: 'heartbeat', id: 'hb-1', name: 'backup', teamId: TEAM, serviceId: 'svc-api', createdAt: new Date('2026-02-10T00:00:00Z'), lastReceivedAt: null },
    );
    input.policies.push({ id: 'p-unused', name: 'Unused', teamId: TEAM, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: 's-primary' }] }] });

    const { findings } = decideReadiness(input);
    expect(findings.map((f) => [f.severity, f.kind, f.object.name])).toEqual([
      ['critical', 'step_pages_nobody', 'Nights'],
      // per policy that pages her: Default's team and Nights' team are told
      ['critical', 'responder_unreachable', 'Carol'],
      ['critical', 'responder_unreachable', 'Carol'],
      ['critical', 'service_without_policy', 'Batch'],
      ['warning', 'schedule_gap', 'Office hours'],
      ['warning', 'responder_slow_rules', 'Dave'],
      ['warning', 'integration_silent', 'backup'],
      ['warning', 'integration_silent', 'central'],
      ['info', 'policy_unused', 'Unused'],
      ['info', 'schedule_unused', 'Spare'],
    ]);
    const gap = findings.find((f) => f.kind === 'schedule_gap')!;
    // 17:00-09:00 Berlin every night from now (09:00 Berlin) on: 14 nights of 16 h, but the one
    // into Sunday 29 March is 15 h (the clocks go forward): 223 h
    expect(gap.windows?.[0]).toEqual({ start: '2026-03-16T16:00:00.000Z', end: '2026-03-17T08:00:00.000Z', minutes: 960 });
    expect(gap.windows).toHaveLength(14);
    expect(gap.message).toBe('Schedule Office hours has nobody on call 14 times, 9 d 7 h in all; the first from Mon 16 Mar 17:00 (Europe/Berlin) for 16 h');
    expect(gap.link).toBe('/schedules/s-office');
    const nights = findings.find((f) => f.kind === 'step_pages_nobody')!;
    expect(nights.policy).toEqual({ id: 'p-nights', name: 'Nights', step: 1 });
    expect(nights.windows).toEqual(gap.windows);
    expect(findings.filter((f) => f.kind === 'responder_unreachable').map((f) => f.policy?.name)).toEqual(['Default', 'Nights']);
    expect(findings.find((f) => f.kind === 'responder_unreachable')!.message).toBe(
      'Carol is paged by step 1 of Default but has no verified contact method that can page high urgency: SMS unverified',
    );
    expect(findings.find((f) => f.kind === 'responder_slow_rules')!.message).toBe("Dave's first notification comes after 20 min, but step 1 of Slow escalates after 5 min");
    expect(findings.find((f) => f.object.name === 'backup')!.message).toBe('Heartbeat backup has received nothing since it was created 34 days ago: is its sender broken?');
    // the installation's routing integration belongs to no team
    expect(findingsOfTeam(findings, TEAM).map((f) => f.object.name)).not.toContain('central');
  });

  it('a step whose every target is empty at the same time pages nobody only then; a deleted schedule, always', () => {
    const input = covered();
    input.policies[0]!.steps[0]!.targets = [{ type: 'schedule', id: 's-gone' }, { type: 'user', id: 'ghost' }];
    const { findings } = decideReadiness(input);
    const step = findings.find((f) => f.kind === 'step_pages_nobody')!;
    expect(step.windows).toEqual([{ start: '2026-03-16T08:00:00.000Z', end: '2026-03-30T08:00:00.000Z', minutes: 20160 }]);
    expect(findings.map((f) => f.kind)).toContain('schedule_unused');
  });

  it('an override that fills a gap closes it', () => {
    const input = covered();
    const office = schedule('s-office', 'Office', {
      timeZone: 'UTC',
      layers: [{ name: 'day', members: ['alice'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-03-01T00:00:00Z', end: '2026-03-20T00:00:00Z' }],
    });
    office.overrides = [{ id: 'o1', userId: 'bob', start: '2026-03-20T00:00:00Z', end: '2026-04-01T00:00:00Z' }];
    input.schedules = [office];
    input.policies[0]!.steps[0]!.targets = [{ type: 'schedule', id: 's-office' }];
    expect(decideReadiness(input).findings).toEqual([]);
  });
});
