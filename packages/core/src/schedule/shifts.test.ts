import { describe, expect, it } from 'vitest';
import { gaps } from './gaps';
import type { Schedule, ScheduleOverride, ScheduleShift } from './schedule';
import { shifts } from './shifts';

const brief = (list: ScheduleShift[]) => list.map((s) => [s.start, s.end, s.users.join(',')]);
const hours = (s: ScheduleShift) => (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;

describe('shifts', () => {
  const weekly: Schedule = {
    timeZone: 'Europe/Berlin',
    layers: [{ id: 'l1', name: 'weekly', members: ['alice', 'bob', 'carol'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
  };

  it('covers [from, to) exactly: nobody before the layer starts, cut at `to`', () => {
    const result = shifts(weekly, [], '2026-03-15T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(result.from).toBe('2026-03-15T00:00:00.000Z');
    expect(result.to).toBe('2026-04-01T00:00:00.000Z');
    expect(brief(result.shifts)).toEqual([
      ['2026-03-15T00:00:00.000Z', '2026-03-16T08:00:00.000Z', ''],
      ['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', 'alice'],
      ['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', 'bob'], // 167 h: the spring week
      ['2026-03-30T07:00:00.000Z', '2026-04-01T00:00:00.000Z', 'carol'],
    ]);
    expect(result.shifts[0]?.because).toEqual([]);
    expect(result.shifts[2]?.because).toEqual([
      {
        kind: 'layer',
        layerIndex: 0,
        layerId: 'l1',
        layerName: 'weekly',
        userId: 'bob',
        memberIndex: 1,
        shiftNumber: 1,
        shiftStart: '2026-03-23T08:00:00.000Z',
        shiftEnd: '2026-03-30T07:00:00.000Z',
      },
    ]);
  });

  it('daily 09:00 handoffs around both Berlin changes last 23 h and 25 h', () => {
    const daily: Schedule = {
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'daily', members: ['alice', 'bob'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-01-01T09:00:00+01:00' }],
    };
    const spring = shifts(daily, [], '2026-03-27T08:00:00Z', '2026-03-31T07:00:00Z').shifts;
    expect(spring.map((s) => s.start)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z', // 09:00 CEST
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(spring.map(hours)).toEqual([24, 23, 24, 24]);
    const autumn = shifts(daily, [], '2026-10-24T07:00:00Z', '2026-10-26T08:00:00Z').shifts;
    expect(autumn.map(hours)).toEqual([25, 24]);
  });

  it('an override inside a shift splits it; the pieces keep the shift as their reason', () => {
    const o: ScheduleOverride[] = [{ id: 'o1', userId: 'dave', start: '2026-03-18T10:00:00Z', end: '2026-03-18T12:00:00Z' }];
    const result = shifts(weekly, o, '2026-03-18T00:00:00Z', '2026-03-19T00:00:00Z');
    expect(brief(result.shifts)).toEqual([
      ['2026-03-18T00:00:00.000Z', '2026-03-18T10:00:00.000Z', 'alice'],
      ['2026-03-18T10:00:00.000Z', '2026-03-18T12:00:00.000Z', 'dave'],
      ['2026-03-18T12:00:00.000Z', '2026-03-19T00:00:00.000Z', 'alice'],
    ]);
    expect(result.shifts[1]?.because).toEqual([
      { kind: 'override', overrideIndex: 0, overrideId: 'o1', userId: 'dave', start: '2026-03-18T10:00:00.000Z', end: '2026-03-18T12:00:00.000Z' },
    ]);
    expect(result.shifts[2]?.because).toEqual(result.shifts[0]?.because);
  });

  it('an override across a handoff, starting before `from`: its reason keeps its real bounds', () => {
    const o: ScheduleOverride[] = [{ userId: 'dave', start: '2026-03-22T00:00:00Z', end: '2026-03-24T00:00:00Z' }];
    const result = shifts(weekly, o, '2026-03-23T00:00:00Z', '2026-03-25T00:00:00Z');
    expect(brief(result.shifts)).toEqual([
      ['2026-03-23T00:00:00.000Z', '2026-03-24T00:00:00.000Z', 'dave'],
      ['2026-03-24T00:00:00.000Z', '2026-03-25T00:00:00.000Z', 'bob'],
    ]);
    expect(result.shifts[0]?.because[0]).toMatchObject({ start: '2026-03-22T00:00:00.000Z', end: '2026-03-24T00:00:00.000Z' });
  });

  it('merges by reason by default and by user on request (one calendar event per stretch of duty)', () => {
    const solo: Schedule = {
      timeZone: 'UTC',
      layers: [{ name: 'solo', members: ['alice'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-01-01T00:00:00Z' }],
    };
    const byReason = shifts(solo, [], '2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z');
    expect(byReason.shifts).toHaveLength(3); // three rotation shifts, even if all alice's
    const byUser = shifts(solo, [], '2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z', { merge: 'user' });
    expect(brief(byUser.shifts)).toEqual([['2026-01-01T00:00:00.000Z', '2026-01-04T00:00:00.000Z', 'alice']]);
    expect(byUser.shifts[0]?.because.map((r) => (r.kind === 'layer' ? r.shiftNumber : -1))).toEqual([0, 1, 2]);
  });

  it('overlapping layers, with each layer own timeline on request', () => {
    const layered: Schedule = {
      timeZone: 'Europe/Berlin',
      layers: [
        { name: 'base', members: ['alice'], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T00:00:00+01:00' },
        {
          name: 'nights',
          members: ['bob', 'carol'],
          rotation: { type: 'daily', shiftLength: 1 },
          start: '2026-03-16T12:00:00+01:00',
          restrictions: [{ type: 'daily', start: '22:00', end: '06:00' }],
        },
      ],
    };
    const result = shifts(layered, [], '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', { layers: true });
    // the spring night: 22:00 CET = 21:00Z to 06:00 CEST = 04:00Z, 7 hours
    expect(brief(result.shifts)).toEqual([
      ['2026-03-28T12:00:00.000Z', '2026-03-28T21:00:00.000Z', 'alice'],
      ['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z', 'bob'], // shift 12 of nights
      ['2026-03-29T04:00:00.000Z', '2026-03-29T12:00:00.000Z', 'alice'],
    ]);
    expect(result.layers?.map((l) => [l.layerName, brief(l.shifts)])).toEqual([
      ['base', [['2026-03-28T12:00:00.000Z', '2026-03-29T12:00:00.000Z', 'alice']]],
      [
        'nights',
        [
          ['2026-03-28T12:00:00.000Z', '2026-03-28T21:00:00.000Z', ''],
          ['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z', 'bob'],
          ['2026-03-29T04:00:00.000Z', '2026-03-29T12:00:00.000Z', ''],
        ],
      ],
    ]);
  });

  it('friday 17:00 - monday 09:00 windows over the New York spring change last 63 h', () => {
    const weekend: Schedule = {
      timeZone: 'America/New_York',
      layers: [
        {
          name: 'weekend',
          members: ['alice'],
          rotation: { type: 'hourly', shiftLength: 12 },
          start: '2026-01-02T17:00:00-05:00',
          restrictions: [{ type: 'weekly', start: { weekday: 'friday', time: '17:00' }, end: { weekday: 'monday', time: '09:00' } }],
        },
      ],
    };
    expect(gaps(weekend, [], '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual([
      { start: '2026-03-02T14:00:00.000Z', end: '2026-03-06T22:00:00.000Z' }, // Mon 09:00 - Fri 17:00 EST
      { start: '2026-03-09T13:00:00.000Z', end: '2026-03-13T21:00:00.000Z' }, // Fri 17:00 EDT
    ]);
    const duty = shifts(weekend, [], '2026-03-06T22:00:00Z', '2026-03-09T13:00:00Z', { merge: 'user' }).shifts;
    expect(duty.map(hours)).toEqual([63]);
  });

  it('refuses an empty or inverted range', () => {
    expect(() => shifts(weekly, [], '2026-03-16T00:00:00Z', '2026-03-16T00:00:00Z')).toThrow(/to .* must be after from/);
  });
});
