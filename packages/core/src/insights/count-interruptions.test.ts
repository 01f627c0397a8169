import { describe, expect, it } from 'vitest';
import { countInterruptions } from './count-interruptions';
import { hourBucket } from './hour-bucket';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('hourBucket: in the person’s own zone, DST included', () => {
  it('sleep 22:00–07:00 any day, business 09:00–18:00 Monday–Friday, else off hours', () => {
    expect(hourBucket(at('2026-03-23T08:00:00Z'), 'Europe/Berlin')).toBe('business'); // Mon 09:00 CET
    expect(hourBucket(at('2026-03-23T07:59:00Z'), 'Europe/Berlin')).toBe('offHours'); // Mon 08:59
    expect(hourBucket(at('2026-03-23T17:00:00Z'), 'Europe/Berlin')).toBe('offHours'); // Mon 18:00
    expect(hourBucket(at('2026-03-23T21:00:00Z'), 'Europe/Berlin')).toBe('sleep'); // Mon 22:00
    expect(hourBucket(at('2026-03-24T05:59:00Z'), 'Europe/Berlin')).toBe('sleep'); // Tue 06:59
    expect(hourBucket(at('2026-03-28T10:00:00Z'), 'Europe/Berlin')).toBe('offHours'); // Sat 11:00
  });

  it('the same instant falls differently either side of a DST change', () => {
    // 20:30Z is 21:30 CET (Fri 27 Mar, off hours) but 22:30 CEST (Mon 30 Mar, sleep)
    expect(hourBucket(at('2026-03-27T20:30:00Z'), 'Europe/Berlin')).toBe('offHours');
    expect(hourBucket(at('2026-03-30T20:30:00Z'), 'Europe/Berlin')).toBe('sleep');
    // 05:30Z is 06:30 CET (sleep) before, 07:30 CEST (off hours) after
    expect(hourBucket(at('2026-03-27T05:30:00Z'), 'Europe/Berlin')).toBe('sleep');
    expect(hourBucket(at('2026-03-30T05:30:00Z'), 'Europe/Berlin')).toBe('offHours');
    // a half-hour zone: 03:30Z Monday is 09:00 IST
    expect(hourBucket(at('2026-03-30T03:30:00Z'), 'Asia/Kolkata')).toBe('business');
  });

  it('an unknown zone counts as UTC', () => {
    expect(hourBucket(at('2026-03-23T23:00:00Z'), 'Mars/Olympus')).toBe('sleep');
  });
});

describe('countInterruptions: once per incident per 30 minutes, whatever the methods', () => {
  const zone = () => 'UTC';
  const t0 = at('2026-03-23T10:00:00Z'); // Monday, business in UTC

  it('messages within 30 min of the last counted one are the same interruption', () => {
    const events = [0, 1, 29, 30, 45, 59, 61].map((m) => ({ incidentId: 'i1', userId: 'u', at: t0 + m * MIN }));
    // counted at 0, 30 (30 min after 0), 61 (31 after 30): 3
    expect(countInterruptions(events, zone).get('u')).toEqual({ business: 3, offHours: 0, sleep: 0 });
  });

  it('per incident and per person: two incidents at once are two interruptions', () => {
    const events = [
      { incidentId: 'i1', userId: 'u', at: t0 },
      { incidentId: 'i2', userId: 'u', at: t0 + MIN },
      { incidentId: 'i1', userId: 'v', at: t0 },
    ];
    const counts = countInterruptions(events, zone);
    expect(counts.get('u')!.business).toBe(2);
    expect(counts.get('v')!.business).toBe(1);
  });

  it('each interruption is bucketed at its own instant, in the person’s zone, in any input order', () => {
    const events = [
      { incidentId: 'i1', userId: 'u', at: at('2026-03-23T21:10:00Z') }, // 22:10 CET: sleep
      { incidentId: 'i1', userId: 'u', at: at('2026-03-23T20:50:00Z') }, // 21:50 CET: off hours, counted first
    ];
    expect(countInterruptions(events, () => 'Europe/Berlin').get('u')).toEqual({ business: 0, offHours: 1, sleep: 0 });
  });
});
