import { describe, expect, it } from 'vitest';
import { draftToBody, policyToDraft, simulationRows, type SimulationJson } from './policy-draft';

describe('policy drafts', () => {
  it('round-trips a policy and sends blanks as NaN so the API names them', () => {
    const policy = { name: 'P', repeat: 1, steps: [{ delayMinutes: 5, targets: [{ type: 'user' as const, id: 'u' }] }] };
    const draft = policyToDraft(policy);
    expect(draftToBody(draft)).toEqual(policy);
    draft.steps[0]!.delayMinutes = '';
    expect(draftToBody(draft).steps[0]!.delayMinutes).toBeNaN();
  });

  it('turns a simulation into minute-by-minute rows', () => {
    const sim: SimulationJson = {
      policyId: 'p',
      at: '2026-12-01T03:00:00.000Z',
      urgency: 'high',
      urgencyReason: '',
      pages: [
        { at: '2026-12-01T03:10:00.000Z', cycle: 0, step: 1, userId: 'b', name: 'Bob', reasons: [{ kind: 'user' }], sends: [{ channel: 'webhook', at: '2026-12-01T03:10:00.000Z', ruleId: null }], notUsed: [] },
        { at: '2026-12-01T03:00:00.000Z', cycle: 0, step: 0, userId: 'a', name: 'Alice', reasons: [{ kind: 'schedule', scheduleId: 's' }], sends: [{ channel: 'log', at: '2026-12-01T03:05:00.000Z', ruleId: 'r' }], notUsed: ['SMS unverified'] },
      ],
      warnings: [],
    };
    const rows = simulationRows(sim, () => 'Primary');
    expect(rows.map((r) => [r.minute, r.step, r.who, r.how.join(), r.why])).toEqual([
      [0, 'Step 1', 'Alice', 'log after 5 min', 'on call in Primary'],
      [10, 'Step 2', 'Bob', 'webhook at once', 'named in the step'],
    ]);
  });
});
