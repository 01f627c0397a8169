import { describe, expect, it } from 'vitest';
import { formatAgo, formatDayTime, formatTimestamp, isoToLocalInput, localInputToIso, startOfDay, wallClockOf, wallClockToRfc3339, zoneOffsetMinutes } from './time';

describe('formatAgo', () => {
  const now = new Date('2026-11-29T03:00:00Z');
  it('is coarse, for scanning a list', () => {
    expect(formatAgo('2026-11-29T02:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-11-29T02:48:00Z', now)).toBe('12 min ago');
    expect(formatAgo('2026-11-28T23:00:00Z', now)).toBe('4 h ago');
    expect(formatAgo('2026-11-25T03:00:00Z', now)).toBe('4 d ago');
    // a clock a little ahead of the server's is not "in the future"
    expect(formatAgo('2026-11-29T03:00:05Z', now)).toBe('just now');
  });
});

describe('zoned time', () => {
  it('reads a wall clock in a zone as an instant with its offset', () => {
    expect(wallClockToRfc3339('2026-03-16', '09:00', 'Europe/Berlin')).toBe('2026-03-16T09:00:00+01:00');
    expect(wallClockToRfc3339('2026-07-06', '09:00', 'Europe/Berlin')).toBe('2026-07-06T09:00:00+02:00');
    expect(wallClockToRfc3339('2026-12-07', '09:00', 'America/New_York')).toBe('2026-12-07T09:00:00-05:00');
    expect(wallClockToRfc3339('2026-12-07', '09:00', 'Asia/Kolkata')).toBe('2026-12-07T09:00:00+05:30');
  });

  it('moves a time in the spring-forward gap past it, and takes the first of an ambiguous autumn time', () => {
    expect(wallClockToRfc3339('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
    expect(localInputToIso('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('converts datetime-local values in the viewer zone both ways', () => {
    expect(localInputToIso('2026-12-01T22:15', 'America/New_York')).toBe('2026-12-02T03:15:00.000Z');
    expect(isoToLocalInput('2026-12-02T03:15:00.000Z', 'America/New_York')).toBe('2026-12-01T22:15');
    expect(localInputToIso('2026-12-01', 'UTC')).toBeNull();
  });

  it('knows weekdays, offsets and local midnights', () => {
    expect(wallClockOf('2026-11-30T08:00:00Z', 'Europe/Berlin')).toEqual({ date: '2026-11-30', time: '09:00', weekday: 'monday' });
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-07-01T00:00:00Z'))).toBe(-240);
    expect(new Date(startOfDay('2026-11-30T23:30:00Z', 'Europe/Berlin')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    // the spring day in Berlin has 23 hours
    expect(startOfDay('2026-03-29T12:00:00Z', 'Europe/Berlin', 1) - startOfDay('2026-03-29T12:00:00Z', 'Europe/Berlin')).toBe(23 * 3_600_000);
  });
});

describe('formats', () => {
  it('shows exact moments (in the browser locale) with the year and seconds, and schedule times by weekday, each in the zone given', () => {
    expect(formatTimestamp(null)).toBe('–');
    expect(formatTimestamp('2026-11-28T20:43:51Z', 'Europe/Berlin')).toMatch(/(21|09):43:51/);
    expect(formatTimestamp('2026-11-28T20:43:51Z', 'Europe/Berlin')).toMatch(/2026/);
    expect(formatDayTime('2026-12-01T08:00:00Z', 'Europe/Berlin')).toBe('Tue 1 Dec, 09:00');
  });
});
