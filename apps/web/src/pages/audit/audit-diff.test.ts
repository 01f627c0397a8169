import { describe, expect, it } from 'vitest';
import { auditDiff, fieldWords } from './audit-diff';

const team = '11111111-1111-4111-8111-111111111111';
const sched = '22222222-2222-4222-8222-222222222222';
const alice = '33333333-3333-4333-8333-333333333333';
const names = { [team]: 'Payments', [sched]: 'Payments primary', [alice]: 'Alice Example' };

describe('auditDiff', () => {
  it('lists only changed fields, nested ones by path in words, ids by name', () => {
    const before = { id: 'p', name: 'On call', teamId: null, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: sched }] }] };
    const after = { id: 'p', name: 'On call', teamId: team, repeat: 2, steps: [{ delayMinutes: 10, targets: [{ type: 'schedule', id: sched }] }, { delayMinutes: 30, targets: [{ type: 'user', id: alice }] }] };
    expect(auditDiff(before, after, names)).toEqual([
      { key: 'repeat', field: 'Repeat', before: '0', after: '2' },
      { key: 'steps.0.delayMinutes', field: 'Step 1 › Delay minutes', before: '5', after: '10' },
      { key: 'steps.1.delayMinutes', field: 'Step 2 › Delay minutes', before: null, after: '30' },
      { key: 'steps.1.targets.0.id', field: 'Step 2 › Target 1 › Id', before: null, after: 'Alice Example' },
      { key: 'steps.1.targets.0.type', field: 'Step 2 › Target 1 › Type', before: null, after: 'user' },
      { key: 'teamId', field: 'Team', before: 'none', after: 'Payments' },
    ]);
  });

  it('a created thing: every field, nothing before; lists of plain values are one field; instants in the zone', () => {
    const rows = auditDiff(null, { name: 'x', members: [alice], groupBy: [], autoResolve: true, start: '2026-11-30T08:00:00.000Z' }, names);
    expect(rows.map((r) => [r.field, r.before, r.after])).toEqual([
      ['Auto resolve', null, 'yes'],
      ['Group by', null, 'none'],
      ['Members', null, 'Alice Example'],
      ['Name', null, 'x'],
      ['Start', null, expect.not.stringMatching(/2026-11-30T/)],
    ]);
  });

  it('an id without a name shows its start', () => {
    expect(auditDiff({ userId: alice }, { userId: team }, {})).toEqual([{ key: 'userId', field: 'User', before: 'id 33333333…', after: 'id 11111111…' }]);
  });

  it('words for field names', () => {
    expect(fieldWords('escalationPolicyId')).toBe('Escalation policy');
    expect(fieldWords('serviceIds')).toBe('Services');
    expect(fieldWords('ackTimeoutMinutes')).toBe('Ack timeout minutes');
  });
});
