import { describe, expect, it } from 'vitest';
import { latestDigestSlot } from './digest-slot';

const berlin = { timeZone: 'Europe/Berlin', weekday: 'monday', hour: 9 } as const;

describe('latestDigestSlot', () => {
  it('is this Monday 09:00 in the team zone once it has passed, else last Monday', () => {
    // Monday 16 March 2026, 09:00 Berlin = 08:00 UTC
    expect(latestDigestSlot(new Date('2026-03-16T08:00:00Z'), berlin)).toEqual({ week: '2026-03-16', dueAt: new Date('2026-03-16T08:00:00Z') });
    expect(latestDigestSlot(new Date('2026-03-16T07:59:59Z'), berlin)).toEqual({ week: '2026-03-09', dueAt: new Date('2026-03-09T08:00:00Z') });
    expect(latestDigestSlot(new Date('2026-03-22T23:00:00Z'), berlin).week).toBe('2026-03-16');
  });

  it('follows the zone across a DST change (09:00 CEST is 07:00 UTC)', () => {
    expect(latestDigestSlot(new Date('2026-03-30T07:00:00Z'), berlin)).toEqual({ week: '2026-03-30', dueAt: new Date('2026-03-30T07:00:00Z') });
  });

  it('reads the local date, not the UTC one (Sunday 23:30 UTC is Monday in Tokyo)', () => {
    const tokyo = { timeZone: 'Asia/Tokyo', weekday: 'monday', hour: 8 } as const;
    expect(latestDigestSlot(new Date('2026-03-15T23:30:00Z'), tokyo)).toEqual({ week: '2026-03-16', dueAt: new Date('2026-03-15T23:00:00Z') });
  });

  it('any weekday and hour', () => {
    const friday = { timeZone: 'America/New_York', weekday: 'friday', hour: 17 } as const;
    // Friday 20 March 2026, 17:00 EDT = 21:00 UTC
    expect(latestDigestSlot(new Date('2026-03-23T12:00:00Z'), friday)).toEqual({ week: '2026-03-20', dueAt: new Date('2026-03-20T21:00:00Z') });
  });
});
