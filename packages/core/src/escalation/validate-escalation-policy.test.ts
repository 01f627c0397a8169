import { describe, expect, it } from 'vitest';
import type { EscalationPolicy } from './escalation-policy';
import { validateEscalationPolicy } from './validate-escalation-policy';

const policy = (over: Partial<EscalationPolicy> = {}): EscalationPolicy => ({
  name: 'Ops',
  teamId: 'team-1',
  repeat: 1,
  steps: [
    { delayMinutes: 5, targets: [{ type: 'schedule', id: 'sched-1' }] },
    { delayMinutes: 10, targets: [{ type: 'user', id: 'alice' }, { type: 'slackChannel', id: 'C123' }] },
  ],
  ...over,
});
const paths = (p: unknown, prefix?: string) => validateEscalationPolicy(p as EscalationPolicy, prefix).map((x) => x.path);

describe('validateEscalationPolicy', () => {
  it('accepts the issue shape', () => {
    expect(validateEscalationPolicy(policy())).toEqual([]);
    expect(validateEscalationPolicy(policy({ repeat: 0 }))).toEqual([]);
    expect(validateEscalationPolicy(policy({ repeat: 9 }))).toEqual([]);
  });

  it('names the top-level fields', () => {
    expect(paths(policy({ name: ' ' }))).toEqual(['name']);
    expect(paths(policy({ name: 'x'.repeat(201) }))).toEqual(['name']);
    expect(paths(policy({ teamId: '' }))).toEqual(['teamId']);
    expect(paths(policy({ repeat: -1 }))).toEqual(['repeat']);
    expect(paths(policy({ repeat: 10 }))).toEqual(['repeat']);
    expect(paths(policy({ repeat: 1.5 }))).toEqual(['repeat']);
    expect(paths({ ...policy(), repeat: '1' })).toEqual(['repeat']);
    expect(paths(null)).toEqual(['(body)']);
  });

  it('needs 1-20 steps', () => {
    expect(paths(policy({ steps: [] }))).toEqual(['steps']);
    expect(paths({ ...policy(), steps: undefined })).toEqual(['steps']);
    const step = { delayMinutes: 1, targets: [{ type: 'user' as const, id: 'a' }] };
    expect(paths(policy({ steps: Array.from({ length: 20 }, () => step) }))).toEqual([]);
    expect(paths(policy({ steps: Array.from({ length: 21 }, () => step) }))).toEqual(['steps']);
  });

  it('names bad delays with their step', () => {
    for (const delayMinutes of [0, -5, 2.5, 10_081, Number.NaN]) {
      expect(paths(policy({ steps: [{ delayMinutes, targets: [{ type: 'user', id: 'a' }] }] }))).toEqual(['steps.0.delayMinutes']);
    }
    expect(paths(policy({ steps: [{ delayMinutes: 10_080, targets: [{ type: 'user', id: 'a' }] }] }))).toEqual([]);
  });

  it('names bad targets by index', () => {
    const p = policy();
    p.steps[1]!.targets = [
      { type: 'user', id: 'alice' },
      { type: 'team' as 'user', id: 'x' },
      { type: 'schedule', id: '' },
      { type: 'user', id: 'alice' },
    ];
    expect(validateEscalationPolicy(p)).toEqual([
      { path: 'steps.1.targets.1.type', message: 'must be one of user, schedule, slackChannel' },
      { path: 'steps.1.targets.2.id', message: 'must be a non-empty id' },
      { path: 'steps.1.targets.3', message: 'repeats steps.1.targets.0' },
    ]);
    expect(paths(policy({ steps: [{ delayMinutes: 5, targets: [] }] }))).toEqual(['steps.0.targets']);
    expect(paths({ ...policy(), steps: [null] })).toEqual(['steps.0']);
  });

  it('allows the same id under different types, and prefixes paths', () => {
    const p = policy({ steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'x' }, { type: 'schedule', id: 'x' }] }] });
    expect(validateEscalationPolicy(p)).toEqual([]);
    expect(paths(policy({ repeat: 11 }), 'body')).toEqual(['body.repeat']);
  });
});
