import { describe, expect, it } from 'vitest';
import type { EscalationRun } from './escalation-position';
import { isRunPosition } from './escalation-position';
import { manualEscalationTarget } from './manual-escalation';

const step = { delayMinutes: 5, targets: [{ type: 'user' as const, id: 'a' }] };
const run = (over: Partial<EscalationRun> = {}): EscalationRun => ({
  policy: { name: 'Ops', teamId: 't', repeat: 1, steps: [step, step, step] },
  urgency: 'high',
  baseCycle: 0,
  ...over,
});

describe('manualEscalationTarget', () => {
  it('without toStep: the step due next, now', () => {
    expect(manualEscalationTarget(run(), { cycle: 0, step: 1, status: 'active' }, undefined)).toEqual({ ok: true, position: { cycle: 0, step: 1 }, baseCycle: 0 });
  });

  it('forward: that step of the same pass', () => {
    expect(manualEscalationTarget(run(), { cycle: 0, step: 1, status: 'active' }, 2)).toEqual({ ok: true, position: { cycle: 0, step: 2 }, baseCycle: 0 });
  });

  it('back: a new cycle with the same passes left', () => {
    const r = run();
    const move = manualEscalationTarget(r, { cycle: 1, step: 2, status: 'active' }, 0);
    expect(move).toEqual({ ok: true, position: { cycle: 2, step: 0 }, baseCycle: 1 });
    if (move.ok) expect(isRunPosition({ ...r, baseCycle: move.baseCycle }, move.position)).toBe(true);
  });

  it('exhausted: only with toStep, in a new cycle', () => {
    expect(manualEscalationTarget(run(), { cycle: 1, step: 2, status: 'exhausted' }, undefined)).toMatchObject({ ok: false });
    expect(manualEscalationTarget(run(), { cycle: 1, step: 2, status: 'exhausted' }, 2)).toEqual({ ok: true, position: { cycle: 2, step: 2 }, baseCycle: 1 });
  });

  it('refuses steps the policy does not have, steps past the first at low urgency, and stopped escalations', () => {
    expect(manualEscalationTarget(run(), { cycle: 0, step: 0, status: 'active' }, 3)).toEqual({ ok: false, field: 'toStep', reason: 'must be a step of the policy, 1 to 3' });
    expect(manualEscalationTarget(run({ urgency: 'low' }), { cycle: 0, step: 0, status: 'exhausted' }, 1)).toMatchObject({ ok: false, field: 'toStep' });
    expect(manualEscalationTarget(run({ urgency: 'low' }), { cycle: 0, step: 0, status: 'exhausted' }, 0)).toMatchObject({ ok: true });
    expect(manualEscalationTarget(run(), { cycle: 0, step: 0, status: 'stopped' })).toEqual({ ok: false, reason: 'the escalation is stopped' });
  });
});
