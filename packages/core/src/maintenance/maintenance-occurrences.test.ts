import { describe, expect, it } from 'vitest';
import { maintenanceCoverageAt, maintenanceOccurrences } from './maintenance-occurrences';
import type { MaintenanceRecurrence } from './maintenance-window';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const sundays = (r: Partial<MaintenanceRecurrence>): MaintenanceRecurrence => ({ weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Europe/Berlin', ...r });
const forever = (recurrence: MaintenanceRecurrence) => ({ start: t('2026-01-01T00:00:00Z'), end: null, recurrence });
/** the occurrences overlapping the UTC day `day` */
const onDay = (recurrence: MaintenanceRecurrence, day: string) =>
  maintenanceOccurrences(forever(recurrence), t(`${day}T00:00:00Z`) - 6 * 3_600_000, t(`${day}T23:59:59Z`)).map((o) => [iso(o.start), iso(o.end)]);

// Europe/Berlin 2026: spring forward Sunday 29 March at 02:00 CET (01:00Z, to 03:00 CEST); fall back Sunday 25 October at 03:00 CEST (01:00Z, to 02:00 CET)
describe('maintenanceOccurrences: weekly in Europe/Berlin across DST', () => {
  it.each<[string, Partial<MaintenanceRecurrence>, string, string[][]]>([
    ['02:00-04:00 on a winter Sunday (CET)', {}, '2026-03-22', [['2026-03-22T01:00:00Z', '2026-03-22T03:00:00Z']]],
    ['02:00-04:00 on a summer Sunday (CEST)', {}, '2026-04-05', [['2026-04-05T00:00:00Z', '2026-04-05T02:00:00Z']]],
    ['02:00-04:00 on the spring day: 02:00 does not exist, it starts at 03:00 CEST (1 h)', {}, '2026-03-29', [['2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']]],
    ['02:00-04:00 on the autumn day: 02:00 is its first occurrence (CEST), 04:00 is CET (3 h)', {}, '2026-10-25', [['2026-10-25T00:00:00Z', '2026-10-25T03:00:00Z']]],
    ['02:30-04:00 on the spring day: 02:30 is read as 03:30 CEST (30 min)', { startTime: '02:30' }, '2026-03-29', [['2026-03-29T01:30:00Z', '2026-03-29T02:00:00Z']]],
    ['02:30-04:00 on the autumn day: the first 02:30 (CEST) to 04:00 CET (2 h 30)', { startTime: '02:30' }, '2026-10-25', [['2026-10-25T00:30:00Z', '2026-10-25T03:00:00Z']]],
    ['02:30 for 60 min on the spring day: from 03:30 CEST, exactly 60 min', { startTime: '02:30', endTime: undefined, durationMinutes: 60 }, '2026-03-29', [['2026-03-29T01:30:00Z', '2026-03-29T02:30:00Z']]],
    ['02:30 for 60 min on the autumn day: from the first 02:30, exactly 60 min (ends at the second 02:30)', { startTime: '02:30', endTime: undefined, durationMinutes: 60 }, '2026-10-25', [['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']]],
    ['02:30-03:30 on the spring day: both edges land on 03:30 CEST, zero length, skipped', { startTime: '02:30', endTime: '03:30' }, '2026-03-29', []],
    ['02:30-03:30 on the Sunday after: an hour again', { startTime: '02:30', endTime: '03:30' }, '2026-04-05', [['2026-04-05T00:30:00Z', '2026-04-05T01:30:00Z']]],
    ['not on a Monday', {}, '2026-03-23', []],
    ['Saturday 23:00-01:00 crosses midnight', { weekdays: ['saturday'], startTime: '23:00', endTime: '01:00' }, '2026-03-21', [['2026-03-21T22:00:00Z', '2026-03-22T00:00:00Z']]],
    ['Saturday 23:00-04:00 into the spring-forward night: 4 h', { weekdays: ['saturday'], startTime: '23:00', endTime: '04:00' }, '2026-03-28', [['2026-03-28T22:00:00Z', '2026-03-29T02:00:00Z']]],
    ['Saturday 23:00-04:00 into the fall-back night: 6 h', { weekdays: ['saturday'], startTime: '23:00', endTime: '04:00' }, '2026-10-24', [['2026-10-24T21:00:00Z', '2026-10-25T03:00:00Z']]],
    ['America/New_York Sunday 02:30 on its spring day (8 March 2026): 03:30 EDT', { startTime: '02:30', endTime: '04:00', timeZone: 'America/New_York' }, '2026-03-08', [['2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z']]],
  ])('%s', (_, r, day, want) => {
    expect(onDay(sundays(r), day)).toEqual(want);
  });

  it('several weekdays, in order, over a week', () => {
    const r = sundays({ weekdays: ['tuesday', 'thursday'], startTime: '22:00', endTime: '23:00' });
    const got = maintenanceOccurrences(forever(r), t('2026-06-01T00:00:00Z'), t('2026-06-08T00:00:00Z')).map((o) => iso(o.start));
    expect(got).toEqual(['2026-06-02T20:00:00Z', '2026-06-04T20:00:00Z']);
  });

  it('clipped to the window: a start inside an occurrence, an end that cuts one', () => {
    const w = { start: t('2026-03-22T01:30:00Z'), end: t('2026-03-29T01:30:00Z'), recurrence: sundays({}) };
    const got = maintenanceOccurrences(w, t('2026-03-01T00:00:00Z'), t('2026-05-01T00:00:00Z')).map((o) => [iso(o.start), iso(o.end)]);
    expect(got).toEqual([
      ['2026-03-22T01:30:00Z', '2026-03-22T03:00:00Z'],
      ['2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z'],
    ]);
  });

  it('a one-off window is its [start, end)', () => {
    const w = { start: t('2026-03-22T10:00:00Z'), end: t('2026-03-22T12:00:00Z'), recurrence: null };
    expect(maintenanceOccurrences(w, t('2026-03-22T00:00:00Z'), t('2026-03-23T00:00:00Z'))).toEqual([{ start: w.start, end: w.end }]);
    expect(maintenanceOccurrences(w, t('2026-03-22T12:00:00Z'), t('2026-03-23T00:00:00Z'))).toEqual([]);
  });
});

describe('maintenanceCoverageAt', () => {
  const oneOff = { start: t('2026-03-22T10:00:00Z'), end: t('2026-03-22T12:00:00Z'), recurrence: null };
  const weekly = forever(sundays({ startTime: '02:30' }));
  it.each<[string, typeof oneOff | typeof weekly, string, [string, string] | null]>([
    ['start is inclusive', oneOff, '2026-03-22T10:00:00Z', ['2026-03-22T10:00:00Z', '2026-03-22T12:00:00Z']],
    ['end is exclusive', oneOff, '2026-03-22T12:00:00Z', null],
    ['before', oneOff, '2026-03-22T09:59:59Z', null],
    ['spring day 03:45 CEST is inside 02:30-04:00', weekly, '2026-03-29T01:45:00Z', ['2026-03-29T01:30:00Z', '2026-03-29T02:00:00Z']],
    ['spring day 03:15 CEST is before the moved start', weekly, '2026-03-29T01:15:00Z', null],
    ['autumn day, second 02:45 (CET) is inside', weekly, '2026-10-25T01:45:00Z', ['2026-10-25T00:30:00Z', '2026-10-25T03:00:00Z']],
    ['autumn day, first 02:15 (CEST) is before', weekly, '2026-10-25T00:15:00Z', null],
  ])('%s', (_, w, at, want) => {
    const got = maintenanceCoverageAt(w, t(at));
    expect(got ? [iso(got.start), iso(got.end)] : null).toEqual(want);
  });
});
