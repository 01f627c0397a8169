import { describe, expect, it } from 'vitest';
import { matchTimeZones, resolveTimeZone, timeZoneNames } from './time-zones';

const zones = ['Europe/Berlin', 'America/New_York', 'Europe/Amsterdam', 'America/Argentina/Buenos_Aires', 'UTC', 'Asia/Tokyo'];

describe('time zones', () => {
  it("lists the browser's zone first, then every IANA name", () => {
    const names = timeZoneNames('Asia/Tokyo');
    expect(names[0]).toBe('Asia/Tokyo');
    expect(names).toContain('Europe/Berlin');
    expect(names).toContain('UTC');
    expect(names.filter((z) => z === 'Asia/Tokyo')).toHaveLength(1);
  });
  it('finds a zone by its city, in any case, with spaces for underscores', () => {
    expect(matchTimeZones(zones, 'Berlin')).toEqual(['Europe/Berlin']);
    expect(matchTimeZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(matchTimeZones(zones, 'buenos')).toEqual(['America/Argentina/Buenos_Aires']);
    expect(matchTimeZones(zones, 'europe')).toEqual(['Europe/Berlin', 'Europe/Amsterdam']);
    expect(matchTimeZones(zones, '')).toEqual(zones);
    expect(matchTimeZones(zones, 'Atlantis')).toEqual([]);
  });
  it('turns a city name into its zone when the field is left', () => {
    expect(resolveTimeZone(zones, 'berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone(zones, 'europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone(zones, 'Atlantis')).toBe('Atlantis');
  });
});
