import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeZone } from './time-zone';

const H = 3_600_000;
/** A wall-clock reading in the time-zone.ts encoding. */
const wall = (iso: string) => Date.parse(`${iso}Z`);
const iso = (t: number) => new Date(t).toISOString();

const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset straight from Intl, no memo of offsets: the oracle. */
function intlOffset(zone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US-u-ca-iso8601', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(whole);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - whole;
}

describe('TimeZone', () => {
  it('knows IANA zones and refuses unknown ones', () => {
    expect(TimeZone.find('Europe/Berlin')?.name).toBe('Europe/Berlin');
    expect(TimeZone.find('Mars/Olympus_Mons')).toBeNull();
    expect(() => TimeZone.of('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it.each([
    // zone, instant just before the change, offset before, offset after (hours)
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 1, 2],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 2, 1],
    ['America/New_York', '2026-03-08T07:00:00Z', -5, -4],
    ['America/New_York', '2026-11-01T06:00:00Z', -4, -5],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', 10, 11],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 11, 10],
  ])('%s changes its offset at %s exactly', (name, change, before, after) => {
    const zone = TimeZone.of(name);
    const t = Date.parse(change);
    expect(zone.offsetAt(t - 1)).toBe(before * H);
    expect(zone.offsetAt(t)).toBe(after * H);
  });

  it('has a constant offset in zones without DST', () => {
    for (const month of [0, 3, 6, 9]) {
      expect(TimeZone.of('Asia/Kolkata').offsetAt(Date.UTC(2026, month, 15))).toBe(5.5 * H);
      expect(TimeZone.of('UTC').offsetAt(Date.UTC(2026, month, 15))).toBe(0);
    }
  });

  describe('instantOf: the "compatible" rule', () => {
    it.each([
      // a wall time in the spring gap is read with the offset before the gap: 02:30 -> 03:30
      ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'], // 03:30 CEST
      ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00.000Z'], // 03:30 EDT
      ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00.000Z'], // 03:30 AEDT
      // the first instant of the gap's far side and the last one before it are unaffected
      ['Europe/Berlin', '2026-03-29T03:00:00', '2026-03-29T01:00:00.000Z'],
      ['Europe/Berlin', '2026-03-29T01:59:00', '2026-03-29T00:59:00.000Z'],
      // an ambiguous autumn time is its first occurrence (the earlier instant)
      ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'], // 02:30 CEST, not CET
      ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'], // 01:30 EDT, not EST
      ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00.000Z'], // 02:30 AEDT, not AEST
      // just after the repeated hour: one reading only
      ['Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T02:00:00.000Z'],
      ['Asia/Kolkata', '2026-03-29T02:30:00', '2026-03-28T21:00:00.000Z'],
    ])('%s %s -> %s', (name, local, expected) => {
      expect(iso(TimeZone.of(name).instantOf(wall(local)))).toBe(expected);
    });
  });

  it('agrees with Intl at any instant, in zones with odd and historical rules (property)', () => {
    const names = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Sao_Paulo', 'Africa/Casablanca', 'Pacific/Apia', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (name, t) => {
        expect(TimeZone.of(name).offsetAt(t)).toBe(intlOffset(name, t));
      }),
      { numRuns: 2_000 },
    );
  });

  it('instantOf is the first instant showing that wall time, or the gap rule (property)', () => {
    const names = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    // wall times within a few hours of DST changes, at 15-minute steps
    const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-10-03T16:00:00Z', '2026-04-04T16:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', '2026-04-04T13:45:00Z', '2026-09-26T14:00:00Z'].map(Date.parse);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...changes), fc.integer({ min: -16, max: 16 }), (name, change, quarter) => {
        const zone = TimeZone.of(name);
        const w = change + zone.offsetAt(change) + quarter * 15 * 60_000;
        // brute force: every instant within +-1 day on a 15-minute grid whose wall clock reads w
        const readings: number[] = [];
        for (let t = w - 30 * H; t <= w + 30 * H; t += 15 * 60_000) if (t + intlOffset(name, t) === w) readings.push(t);
        const expected = readings.length > 0 ? Math.min(...readings) : w - intlOffset(name, w - 24 * H);
        expect(zone.instantOf(w)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
