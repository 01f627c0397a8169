import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onCallAt } from './on-call-at';
import { gapsAcrossRevisions, onCallAtRevisions, shiftsAcrossRevisions, type ScheduleRevisionInput } from './revisions';
import type { Schedule, ScheduleOverride } from './schedule';
import { shifts } from './shifts';

// Daily 09:00 Berlin handoffs, alice then bob; the edit (at 2026-03-18T12:00Z)
// swaps the order. Instants are explicit: nothing here reads the clock.
const before: Schedule = {
  timeZone: 'Europe/Berlin',
  layers: [{ name: 'primary', members: ['alice', 'bob'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
};
const after: Schedule = {
  timeZone: 'Europe/Berlin',
  layers: [{ name: 'primary', members: ['bob', 'alice'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
};
const EDIT = '2026-03-18T12:00:00.000Z';
const revisions: ScheduleRevisionInput[] = [
  { effectiveFrom: '2026-03-17T00:00:00Z', schedule: before },
  { effectiveFrom: EDIT, schedule: after },
];
const brief = (list: { start: string; end: string; users: string[] }[]) => list.map((s) => [s.start, s.end, s.users.join(',')]);

describe('shiftsAcrossRevisions', () => {
  it('with one revision is exactly `shifts`, before its effectiveFrom too', () => {
    const one = [{ effectiveFrom: '2026-03-20T00:00:00Z', schedule: before }];
    const from = '2026-03-15T00:00:00Z';
    const to = '2026-03-25T00:00:00Z';
    expect(shiftsAcrossRevisions(one, [], from, to)).toEqual(shifts(before, [], from, to));
  });

  it('leaves the past as the old revision says and the rest as the new one says, cut at the edit', () => {
    const result = shiftsAcrossRevisions(revisions, [], '2026-03-17T08:00:00Z', '2026-03-20T08:00:00Z');
    expect(brief(result.shifts)).toEqual([
      ['2026-03-17T08:00:00.000Z', '2026-03-18T08:00:00.000Z', 'bob'], // shift 1 of the old order
      ['2026-03-18T08:00:00.000Z', EDIT, 'alice'], // shift 2, old order, until the edit
      [EDIT, '2026-03-19T08:00:00.000Z', 'bob'], // shift 2, new order
      ['2026-03-19T08:00:00.000Z', '2026-03-20T08:00:00.000Z', 'alice'],
    ]);
  });

  it('shows no seam where the edit changed nothing a reader could tell: a layer left alone, an override across it', () => {
    const secondary = { name: 'night', members: ['carol'], rotation: { type: 'weekly' as const, shiftLength: 1 }, start: '2026-03-16T00:00:00+01:00' };
    const v1: Schedule = { timeZone: 'Europe/Berlin', layers: [secondary] };
    // the edit adds a higher layer that has nobody on the 18th after the edit: layer 0 reads the same
    const v2: Schedule = { timeZone: 'Europe/Berlin', layers: [secondary, { ...before.layers[0]!, restrictions: [{ type: 'daily', start: '01:00', end: '02:00' }] }] };
    const spliced = shiftsAcrossRevisions([{ effectiveFrom: '2026-03-01T00:00:00Z', schedule: v1 }, { effectiveFrom: EDIT, schedule: v2 }], [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z');
    expect(brief(spliced.shifts)).toEqual([
      ['2026-03-18T00:00:00.000Z', '2026-03-19T00:00:00.000Z', 'carol'], // same shift of the same layer: one interval
    ]);

    const override: ScheduleOverride = { userId: 'dave', start: '2026-03-18T10:00:00Z', end: '2026-03-18T14:00:00Z' };
    const withOverride = shiftsAcrossRevisions(revisions, [override], '2026-03-18T09:00:00Z', '2026-03-18T15:00:00Z');
    expect(brief(withOverride.shifts)).toEqual([
      ['2026-03-18T09:00:00.000Z', '2026-03-18T10:00:00.000Z', 'alice'],
      ['2026-03-18T10:00:00.000Z', '2026-03-18T14:00:00.000Z', 'dave'],
      ['2026-03-18T14:00:00.000Z', '2026-03-18T15:00:00.000Z', 'bob'],
    ]);
  });

  it("merge 'user' joins the same person across the edit and lists both reasons", () => {
    const v2: Schedule = { ...after, layers: [{ ...after.layers[0]!, members: ['alice', 'carol'], start: '2026-03-18T09:00:00+01:00' }] };
    const result = shiftsAcrossRevisions([revisions[0]!, { effectiveFrom: EDIT, schedule: v2 }], [], '2026-03-18T08:00:00Z', '2026-03-19T08:00:00Z', { merge: 'user' });
    expect(brief(result.shifts)).toEqual([['2026-03-18T08:00:00.000Z', '2026-03-19T08:00:00.000Z', 'alice']]);
    expect(result.shifts[0]!.because).toHaveLength(2);
  });

  it('with layers: true gives each revision\'s layers over the part where it was in force', () => {
    const result = shiftsAcrossRevisions(revisions, [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z', { layers: true });
    expect(result.layers?.map((l) => [l.revisionIndex, l.layerName, l.from, l.to])).toEqual([
      [0, 'primary', '2026-03-18T00:00:00.000Z', EDIT],
      [1, 'primary', EDIT, '2026-03-19T00:00:00.000Z'],
    ]);
  });

  it('skips a revision superseded at the instant it began, and refuses revisions out of order', () => {
    const same = [revisions[0]!, { effectiveFrom: EDIT, schedule: before }, { effectiveFrom: EDIT, schedule: after }];
    expect(shiftsAcrossRevisions(same, [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z')).toEqual(
      shiftsAcrossRevisions(revisions, [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z'),
    );
    expect(() => shiftsAcrossRevisions([...revisions].reverse(), [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z')).toThrow(/effectiveFrom order/);
    expect(() => shiftsAcrossRevisions([], [], '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z')).toThrow(/at least one revision/);
  });

  it('gaps merge across the edit', () => {
    const nights: Schedule = { ...before, layers: [{ ...before.layers[0]!, restrictions: [{ type: 'daily', start: '09:00', end: '17:00' }] }] };
    const nights2: Schedule = { ...after, layers: [{ ...after.layers[0]!, restrictions: [{ type: 'daily', start: '09:00', end: '17:00' }] }] };
    const gaps = gapsAcrossRevisions(
      [{ effectiveFrom: '2026-03-01T00:00:00Z', schedule: nights }, { effectiveFrom: '2026-03-18T20:00:00Z', schedule: nights2 }],
      [],
      '2026-03-18T16:00:00Z',
      '2026-03-19T08:00:00Z',
    );
    expect(gaps).toEqual([{ start: '2026-03-18T16:00:00.000Z', end: '2026-03-19T08:00:00.000Z' }]);
  });
});

describe('onCallAtRevisions', () => {
  it('asks the revision in force at the instant; before the first revision, the first', () => {
    expect(onCallAtRevisions(revisions, [], '2026-03-18T11:59:59.999Z').users).toEqual(['alice']);
    expect(onCallAtRevisions(revisions, [], EDIT).users).toEqual(['bob']);
    expect(onCallAtRevisions(revisions, [], '2026-03-16T09:00:00Z')).toEqual(onCallAt(before, [], '2026-03-16T09:00:00Z'));
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });
  const layer = fc.record({
    name: fc.constantFrom('a', 'b'),
    members: fc.array(fc.constantFrom('u1', 'u2', 'u3'), { minLength: 1, maxLength: 3 }),
    rotation: fc.record({ type: fc.constantFrom('daily' as const, 'weekly' as const, 'hourly' as const), shiftLength: fc.integer({ min: 1, max: 3 }) }),
    start: instant.map((t) => new Date(t).toISOString()),
  });
  const schedule = fc.record({ timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC'), layers: fc.array(layer, { minLength: 1, maxLength: 2 }) });
  const override = fc.tuple(instant, fc.integer({ min: 1, max: 3 * 86_400_000 }), fc.constantFrom('o1', 'o2')).map(
    ([s, len, userId]): ScheduleOverride => ({ userId, start: new Date(s).toISOString(), end: new Date(s + len).toISOString() }),
  );

  it('spliced shifts cover the range exactly, without overlaps, and agree with onCallAtRevisions at sampled instants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, schedule), { minLength: 1, maxLength: 4 }),
        fc.array(override, { maxLength: 3 }),
        instant,
        fc.integer({ min: 1, max: 20 * 86_400_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 10 }),
        (revs, overrides, from, length, samples) => {
          const sorted = revs.sort(([a], [b]) => a - b).map(([t, s]) => ({ effectiveFrom: new Date(t).toISOString(), schedule: s }));
          const to = from + length;
          const result = shiftsAcrossRevisions(sorted, overrides, new Date(from), new Date(to));
          expect(result.shifts[0]!.start).toBe(new Date(from).toISOString());
          expect(result.shifts.at(-1)!.end).toBe(new Date(to).toISOString());
          for (let k = 1; k < result.shifts.length; k++) expect(result.shifts[k]!.start).toBe(result.shifts[k - 1]!.end);
          for (const s of result.shifts) expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
          for (const x of samples) {
            const at = from + Math.floor(x * length);
            const holder = result.shifts.find((s) => Date.parse(s.start) <= at && at < Date.parse(s.end))!;
            expect(holder.users).toEqual(onCallAtRevisions(sorted, overrides, new Date(at)).users);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
