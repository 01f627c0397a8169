import { describe, expect, it } from 'vitest';
import { previewChange } from './preview-change';
import type { Schedule, ScheduleOverride } from './schedule';

// Daily 09:00 Berlin handoffs alice/bob; the proposal adds carol and a daytime-only
// restriction, which opens nightly gaps.
const before: Schedule = {
  timeZone: 'Europe/Berlin',
  layers: [{ name: 'primary', members: ['alice', 'bob'], rotation: { type: 'daily', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
};
const after: Schedule = {
  timeZone: 'Europe/Berlin',
  layers: [
    {
      name: 'primary',
      members: ['alice', 'bob', 'carol'],
      rotation: { type: 'daily', shiftLength: 1 },
      start: '2026-03-16T09:00:00+01:00',
      restrictions: [{ type: 'daily', start: '09:00', end: '21:00' }],
    },
  ],
};
const overrides: ScheduleOverride[] = [{ userId: 'dave', start: '2026-03-18T20:00:00Z', end: '2026-03-18T22:00:00Z' }];

describe('previewChange', () => {
  it('hours gained and lost per person, new gaps, and where who is on call changes', () => {
    // three days: shifts 0 (alice), 1 (bob), 2 (alice -> carol)
    const p = previewChange({ schedule: before, overrides }, { schedule: after, overrides }, '2026-03-16T08:00:00Z', '2026-03-19T08:00:00Z');
    expect(p.users).toEqual([
      { userId: 'alice', hoursBefore: 46, hoursAfter: 12, hoursDelta: -34 }, // 24 + 22 (dave 2 h) -> day 0 only
      { userId: 'bob', hoursBefore: 24, hoursAfter: 12, hoursDelta: -12 },
      { userId: 'carol', hoursBefore: 0, hoursAfter: 12, hoursDelta: 12 }, // 09:00-21:00 CET; dave's 21:00-23:00 is outside
      { userId: 'dave', hoursBefore: 2, hoursAfter: 2, hoursDelta: 0 },
    ]);
    expect(p.gapHoursBefore).toBe(0);
    expect(p.gapHoursAfter).toBe(72 - 12 - 12 - 12 - 2);
    expect(p.newGaps).toEqual([
      { start: '2026-03-16T20:00:00.000Z', end: '2026-03-17T08:00:00.000Z' }, // 21:00-09:00 CET
      { start: '2026-03-17T20:00:00.000Z', end: '2026-03-18T08:00:00.000Z' },
      { start: '2026-03-18T22:00:00.000Z', end: '2026-03-19T08:00:00.000Z' }, // after dave's override
    ]);
    expect(p.closedGaps).toEqual([]);
    expect(p.changes[0]).toEqual({ start: '2026-03-16T20:00:00.000Z', end: '2026-03-17T08:00:00.000Z', before: ['alice'], after: [] });
    expect(p.changes).toContainEqual({ start: '2026-03-18T08:00:00.000Z', end: '2026-03-18T20:00:00.000Z', before: ['alice'], after: ['carol'] });
    expect(p.changes.some((c) => c.start === '2026-03-18T20:00:00.000Z')).toBe(false); // dave either way
  });

  it('reports closed gaps the other way round, and nothing for an unchanged schedule', () => {
    const p = previewChange({ schedule: after, overrides: [] }, { schedule: before, overrides: [] }, '2026-03-16T08:00:00Z', '2026-03-17T08:00:00Z');
    expect(p.closedGaps).toEqual([{ start: '2026-03-16T20:00:00.000Z', end: '2026-03-17T08:00:00.000Z' }]);
    expect(p.newGaps).toEqual([]);
    const same = previewChange({ schedule: before, overrides: [] }, { schedule: before, overrides: [] }, '2026-03-16T00:00:00Z', '2026-04-16T00:00:00Z');
    expect(same.changes).toEqual([]);
    expect(same.users.every((u) => u.hoursDelta === 0)).toBe(true);
  });

  it('names problems of the proposal under after.', () => {
    const broken: Schedule = { ...after, layers: [{ ...after.layers[0]!, members: [] }] };
    expect(() => previewChange({ schedule: before, overrides: [] }, { schedule: broken, overrides: [] }, '2026-03-16T00:00:00Z', '2026-03-17T00:00:00Z')).toThrow(
      /after\.layers\.0\.members/,
    );
  });
});
