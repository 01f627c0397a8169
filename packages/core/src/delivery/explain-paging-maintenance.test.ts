import { describe, expect, it } from 'vitest';
import { explainPaging, type ExplainEvent } from './explain-paging';

const at = (m: number) => new Date(Date.UTC(2026, 11, 7, 14, m));
const alice = { id: 'u-alice', name: 'Alice' };
const steps = [{ targets: [{ type: 'user', id: 'u-alice' }] }];

const opened: ExplainEvent = { type: 'opened', message: 'Opened by alertmanager', data: { fingerprints: ['f1'] }, createdAt: at(0) };
const held: ExplainEvent = {
  type: 'maintenance_held',
  message: 'Held by maintenance "Upgrade PG": nobody is paged while it lasts (until 2026-12-07T15:00:00.000Z); if it still fires then, it pages',
  data: { windowId: 'w-1', reason: 'Upgrade PG', until: '2026-12-07T15:00:00.000Z' },
  createdAt: at(1),
};
const ended = (release: string, firingAlerts = 1): ExplainEvent => ({
  type: 'maintenance_ended',
  message: `Still firing when maintenance 'Upgrade PG' ended (1 alert): paging now`,
  data: { windowId: 'w-1', reason: 'Upgrade PG', endedAt: '2026-12-07T14:30:00.000Z', release, firingAlerts },
  createdAt: at(30),
});

describe('explainPaging: an incident held by a maintenance window', () => {
  it('while held: which window, since when and until when (the hold as it is now)', () => {
    const [a] = explainPaging([opened, held], [alice], { steps, maintenance: { until: new Date('2026-12-07T14:45:00.000Z'), releasedAt: null } });
    expect(a).toMatchObject({ paged: false, reached: false });
    expect(a!.reasons).toMatchObject([
      {
        code: 'held_by_maintenance',
        message: "held by maintenance window 'Upgrade PG' (w-1) since 2026-12-07T14:01:00.000Z: nobody is paged while it lasts; it ends at 2026-12-07T14:45:00.000Z, then it pages if it still fires",
      },
    ]);
    expect(a!.summary).toMatch(/^Alice was not paged: held by maintenance window 'Upgrade PG' \(w-1\)/);
    expect(a!.facts.map((f) => f.type)).toEqual(['maintenance_held']);
    // the same as data, for readers that write their own sentence in their own zone
    expect(a!.reasons[0]!.params).toEqual({
      kind: 'maintenance',
      reason: 'Upgrade PG',
      windowId: 'w-1',
      since: '2026-12-07T14:01:00.000Z',
      until: '2026-12-07T14:45:00.000Z',
      endedAt: null,
      release: null,
      firingAlerts: null,
      escalationAt: null,
    });
  });

  it('without the incident state, the entry\'s own end', () => {
    const [a] = explainPaging([opened, held], [alice]);
    expect(a!.reasons[0]!.message).toContain('it ends at 2026-12-07T15:00:00.000Z');
  });

  it('paged after the window ended: the hold first, then the page', () => {
    const step: ExplainEvent = {
      type: 'escalation_step',
      message: 'Step 1: paged Alice',
      data: { cycle: 0, step: 0, pass: 0, pages: [{ userId: 'u-alice' }], targets: [], next: null, at: '2026-12-07T14:30:00.000Z' },
      createdAt: at(30),
    };
    const [a] = explainPaging([opened, held, ended('paged'), step], [alice], { steps });
    expect(a!.paged).toBe(true);
    expect(a!.reasons[0]).toMatchObject({
      code: 'held_by_maintenance',
      message:
        "held by maintenance window 'Upgrade PG' (w-1) from 2026-12-07T14:01:00.000Z until 2026-12-07T14:30:00.000Z: 1 alert still fired when the window ended, so it paged after the window ended (its escalation began at 2026-12-07T14:30:00.000Z)",
    });
    expect(a!.reasons[1]).toMatchObject({ code: 'paged', message: 'Step 1: paged Alice' });
    expect(a!.facts.map((f) => f.type)).toEqual(['maintenance_held', 'maintenance_ended', 'escalation_step']);
  });

  it('resolved during the window: nobody was paged, and why', () => {
    const [a] = explainPaging([opened, held, ended('resolved', 0)], [alice], { steps });
    expect(a!.paged).toBe(false);
    expect(a!.reasons).toMatchObject([
      {
        code: 'held_by_maintenance',
        message: "held by maintenance window 'Upgrade PG' (w-1) from 2026-12-07T14:01:00.000Z until 2026-12-07T14:30:00.000Z: the incident was resolved before the window ended: nobody was paged",
      },
    ]);
  });

  it('an entry whose data does not match the catalog is no hold (never an error)', () => {
    const odd: ExplainEvent = { ...held, data: { windowId: 42 } };
    const [a] = explainPaging([opened, odd], [alice], { steps });
    expect(a!.reasons.some((r) => r.code === 'held_by_maintenance')).toBe(false);
  });
});
