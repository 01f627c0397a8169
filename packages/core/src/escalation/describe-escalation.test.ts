import { describe, expect, it } from 'vitest';
import { onCallAt } from '../schedule/on-call-at';
import type { Schedule } from '../schedule/schedule';
import { decideEscalation } from './decide-escalation';
import { describeEscalationDecision, type EscalationNames } from './describe-escalation';
import type { EscalationRun } from './escalation-position';
import type { TargetResolver } from './resolve-step-targets';

const primary: Schedule = {
  id: 'primary',
  timeZone: 'UTC',
  layers: [{ name: 'Weekly', members: ['alice', 'bob'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-02T09:00:00Z' }],
};
const nights: Schedule = {
  id: 'nights',
  timeZone: 'UTC',
  layers: [{ name: 'Nights', members: ['carol'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-03-02T00:00:00Z', restrictions: [{ type: 'daily', start: '22:00', end: '06:00' }] }],
};
const resolver = (leads = ['lead']): TargetResolver => ({
  scheduleOnCall: (id, at) => (id === 'primary' ? onCallAt(primary, [{ id: 'ov', userId: 'dave', start: '2026-03-16T12:00:00Z', end: '2026-03-16T13:00:00Z' }], at) : id === 'nights' ? onCallAt(nights, [], at) : null),
  userExists: (u) => u !== 'ghost',
  teamLeads: () => leads,
});
const NAMES: Record<string, string> = { alice: 'Alice', bob: 'Bob', dave: 'Dave', lead: 'Lena', primary: 'Primary', nights: 'Nights', sre: 'SRE' };
const names: EscalationNames = { user: (id) => NAMES[id] ?? id, schedule: (id) => NAMES[id] ?? id, team: (id) => NAMES[id] ?? id };
const run: EscalationRun = {
  policy: {
    name: 'Ops',
    teamId: 'sre',
    repeat: 1,
    steps: [
      { delayMinutes: 5, targets: [{ type: 'schedule', id: 'nights' }, { type: 'slackChannel', id: 'C1' }] },
      { delayMinutes: 10, targets: [{ type: 'schedule', id: 'primary' }, { type: 'user', id: 'ghost' }] },
    ],
  },
  urgency: 'high',
  baseCycle: 0,
};

describe('describeEscalationDecision', () => {
  it('says which step was skipped and why, who is paged and why, and what follows', () => {
    const d = decideEscalation(run, { cycle: 0, step: 0 }, new Date('2026-03-16T10:00:00Z'), resolver());
    const entries = describeEscalationDecision(run, d, names);
    expect(entries.map((e) => e.type)).toEqual(['escalation_step_skipped', 'escalation_step']);
    expect(entries[0]!.message).toBe(
      'Step 1 of 2 (pass 1 of 2) skipped at once: nobody to page (schedule "Nights": nobody on call (layer "Nights" outside its restrictions); Slack channel C1: the incident is posted there (no person is paged through it))',
    );
    expect(entries[1]!.message).toBe(
      'Step 2 of 2 (pass 1 of 2): paging Alice (on call in schedule "Primary": layer "Weekly", shift 2 (2026-03-16T09:00:00.000Z to 2026-03-23T09:00:00.000Z)); user ghost: no longer exists; step 1 of 2 (pass 2 of 2) follows at 2026-03-16T10:10:00.000Z unless acknowledged',
    );
    expect(entries[1]!.data).toMatchObject({ cycle: 0, step: 1, pass: 0, next: { cycle: 1, step: 0, dueAt: '2026-03-16T10:10:00.000Z' } });
  });

  it('names an override', () => {
    const d = decideEscalation(run, { cycle: 0, step: 1 }, new Date('2026-03-16T12:30:00Z'), resolver());
    expect(describeEscalationDecision(run, d, names)[0]!.message).toContain('paging Dave (on call in schedule "Primary": override 2026-03-16T12:00:00.000Z to 2026-03-16T13:00:00.000Z, replacing Alice on layer "Weekly")');
  });

  it('the fallback to leads and the end of the run', () => {
    const nobodyRun: EscalationRun = { ...run, policy: { ...run.policy, repeat: 0, steps: [run.policy.steps[0]!] } };
    const d = decideEscalation(nobodyRun, { cycle: 0, step: 0 }, new Date('2026-03-16T10:00:00Z'), resolver());
    const entries = describeEscalationDecision(nobodyRun, d, names);
    expect(entries.map((e) => e.type)).toEqual(['escalation_step_skipped', 'escalation_fallback', 'escalation_exhausted']);
    expect(entries[1]!.message).toBe('Every step resolved to nobody: paging the leads of team "SRE": Lena');
    expect(entries[2]!.message).toBe('Escalation exhausted: the last step has run; nobody more is paged unless someone escalates by hand');

    const noLeads = describeEscalationDecision(nobodyRun, decideEscalation(nobodyRun, { cycle: 0, step: 0 }, new Date('2026-03-16T10:00:00Z'), resolver([])), names);
    expect(noLeads[1]!.message).toBe('Every step resolved to nobody: team "SRE" has no leads: nobody paged');
  });

  it('low urgency is named on the step', () => {
    const low: EscalationRun = { ...run, urgency: 'low', policy: { ...run.policy, steps: [run.policy.steps[1]!, run.policy.steps[0]!] } };
    const d = decideEscalation(low, { cycle: 0, step: 0 }, new Date('2026-03-16T10:00:00Z'), resolver());
    expect(describeEscalationDecision(low, d, names).map((e) => e.message)[0]).toMatch(/^Step 1 of 2 \(low urgency: first step only\): paging Alice/);
  });
});
