import { describe, expect, it } from 'vitest';
import { explainPaging, type ExplainEvent } from './explain-paging';

const at = (m: number) => new Date(Date.UTC(2026, 10, 28, 21, m));
const alice = { id: 'u-alice', name: 'Alice' };

describe('explainPaging: an incident held by a storm', () => {
  const held: ExplainEvent[] = [
    { type: 'opened', message: 'Opened by alertmanager', data: { fingerprints: ['f1'] }, createdAt: at(0) },
    {
      type: 'storm_held',
      message: 'Held by storm s-1 on "Collector": not paged on its own (the storm page, incident #12, escalates for the storm)',
      data: { stormId: 's-1', pageIncidentId: 'i-12', pageIncidentNumber: 12, serviceName: 'Collector', incidents: 6, windowSeconds: 300 },
      createdAt: at(0),
    },
  ];

  it('says which storm held it, the numbers that started it and the storm page', () => {
    const [a] = explainPaging(held, [alice], { steps: [{ targets: [{ type: 'user', id: 'u-alice' }] }] });
    expect(a).toMatchObject({ paged: false, reached: false });
    expect(a!.reasons).toMatchObject([
      { code: 'held_by_storm', message: 'held by storm s-1: the 6th new incident on Collector in 5 min started it; the storm page is incident #12' },
    ]);
    expect(a!.summary).toBe('Alice was not paged: held by storm s-1: the 6th new incident on Collector in 5 min started it; the storm page is incident #12');
    expect(a!.facts.map((f) => f.type)).toEqual(['storm_held']);
  });

  it('an entry written before the numbers were recorded still names the storm', () => {
    const [a] = explainPaging([{ ...held[1]!, data: { stormId: 's-1' } }], [alice]);
    expect(a!.reasons).toMatchObject([{ code: 'held_by_storm', message: 'held by storm s-1' }]);
  });
});
