import type { ShiftJson } from '@heinrich/contracts/schedules';
import { describe, expect, it } from 'vitest';
import { barsOf, formatDuration, nowAndNext, shiftsByDay } from './timeline-model';

const alice = { id: 'a', name: 'Alice' };
const bob = { id: 'b', name: 'Bob' };
const layer = (userId: string, shiftNumber: number) => ({ kind: 'layer' as const, layerIndex: 0, layerId: null, layerName: 'L', userId, memberIndex: 0, shiftNumber, shiftStart: '', shiftEnd: '' });
const shift = (start: string, end: string, users: typeof alice[], because: ShiftJson['because'] = users.map((u, i) => layer(u.id, i))): ShiftJson => ({
  start: `2026-12-0${start}:00:00.000Z`,
  end: `2026-12-0${end}:00:00.000Z`,
  users,
  because,
});

const override = { kind: 'override' as const, overrideIndex: 0, overrideId: 'o', userId: 'b', start: '', end: '' };
const shifts = [
  shift('1T00', '1T09', [alice]),
  shift('1T09', '1T12', [alice], [layer('a', 1)]),
  shift('1T12', '1T14', [bob], [override]),
  shift('1T14', '2T00', []),
  shift('2T00', '3T00', [alice]),
];

describe('timeline model', () => {
  it('places shifts on the axis and tells overrides and gaps apart', () => {
    const bars = barsOf(shifts, Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-02T00:00:00Z'));
    expect(bars.map((b) => [b.kind, Math.round(b.left), Math.round(b.width)])).toEqual([
      ['layer', 0, 38],
      ['layer', 38, 13],
      ['override', 50, 8],
      ['gap', 58, 42],
    ]);
  });

  it('says who is on call now until when, and who is next', () => {
    const r = nowAndNext(shifts, Date.parse('2026-12-01T10:00:00Z'));
    expect(r.now).toEqual({ users: [alice], start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T12:00:00.000Z' });
    expect(r.next?.users).toEqual([bob]);
    const inGap = nowAndNext(shifts, Date.parse('2026-12-01T15:00:00Z'));
    expect(inGap.now).toBeNull();
    expect(inGap.next?.start).toBe('2026-12-02T00:00:00.000Z');
  });

  it('lists the shifts of each day in the viewer zone, clipped to the day', () => {
    const days = shiftsByDay(shifts, Date.parse('2026-12-01T00:00:00Z'), 2, 'UTC');
    expect(days[0]!.shifts.map((s) => s.kind)).toEqual(['layer', 'layer', 'override', 'gap']);
    expect(days[1]!.shifts).toHaveLength(1);
  });

  it('formats durations for people', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(28 * 3_600_000)).toBe('1 d 4 h');
  });
});
