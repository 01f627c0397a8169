import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from './normalize-timestamp';

const utc = (s: string) => {
  const r = normalizeTimestamp(s);
  if (!r.ok) throw new Error(`${s}: ${r.problem}`);
  return r.utc;
};
const problem = (s: string) => {
  const r = normalizeTimestamp(s);
  return r.ok ? undefined : r.problem;
};

describe('normalizeTimestamp', () => {
  it('keeps what Alertmanager and Prometheus print, fraction digits and all', () => {
    expect(utc('2026-11-28T19:50:40.080798287Z')).toBe('2026-11-28T19:50:40.080798287Z');
    expect(utc('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00Z'); // Go's zero time
    expect(utc('2026-11-28T19:50:40Z')).toBe('2026-11-28T19:50:40Z');
  });

  it('rewrites an offset in UTC, across days, months, years and leap days', () => {
    expect(utc('2026-11-28T20:50:40.5+01:00')).toBe('2026-11-28T19:50:40.5Z');
    expect(utc('2026-12-31T23:30:00-23:59')).toBe('2027-01-01T23:29:00Z');
    expect(utc('2024-03-01T00:10:00+00:30')).toBe('2024-02-29T23:40:00Z');
    expect(utc('2015-07-17T08:42:58.315+0000')).toBe('2015-07-17T08:42:58.315Z'); // PagerDuty's example
    expect(utc('2026-11-28 19:50:40+05')).toBe('2026-11-28T14:50:40Z');
    expect(utc('0001-01-01T05:30:00+05:30')).toBe('0001-01-01T00:00:00Z');
  });

  it('refuses impossible dates and times, offsets and instants out of range', () => {
    expect(problem('2026-02-30T00:00:00Z')).toBe('is not a calendar date: 2026-02-30 does not exist');
    expect(problem('2025-02-29T00:00:00Z')).toBe('is not a calendar date: 2025-02-29 does not exist');
    expect(problem('1900-02-29T00:00:00Z')).toBe('is not a calendar date: 1900-02-29 does not exist');
    expect(utc('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00Z');
    expect(problem('2026-11-28T19:60:00Z')).toBe('is not a time of day: 19:60:00 does not exist');
    expect(problem('2026-11-28T23:59:60Z')).toBe('is not a time of day: 23:59:60 does not exist');
    expect(problem('2026-11-28T19:50:40+24:00')).toBe('has an offset out of range: at most ±23:59');
    for (const s of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '0001-01-01T00:00:00+00:01']) {
      expect(problem(s)).toBe('is out of range: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z');
    }
    for (const s of ['not a date', '', '2026-11-28', '2026-11-28T19:50:40', '2026-11-28T19:50:40.1234567890Z', `2026-11-28T19:50:40.${'1'.repeat(80)}Z`]) {
      expect(problem(s)).toBe('must be an RFC 3339 timestamp such as 2026-11-28T19:50:40.08Z');
    }
  });

  it('gives the instant Date reads, for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1, 0, 1) + 86_400_000, max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (t, offset) => {
          const local = new Date(Math.floor(t / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
          const abs = Math.abs(offset);
          const text = `${local}.5${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const out = utc(text);
          expect(out).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.5Z$/);
          expect(new Date(out).getTime()).toBe(Math.floor(t / 1000) * 1000 + 500);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
