import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './parse-instant';

describe('parseInstant', () => {
  it.each([
    ['2026-03-16T09:00:00+01:00', '2026-03-16T08:00:00.000Z'],
    ['2026-03-16T09:00+01:00', '2026-03-16T08:00:00.000Z'],
    ['2026-03-16T09:00:00Z', '2026-03-16T09:00:00.000Z'],
    ['2026-03-16t09:00:00z', '2026-03-16T09:00:00.000Z'],
    ['2026-03-16T09:00:00.5-05:30', '2026-03-16T14:30:00.500Z'],
    ['2026-03-16T09:00:00.123456789Z', '2026-03-16T09:00:00.123Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s is %s', (text, expected) => {
    expect(formatInstant(parseInstant(text) as number)).toBe(expected);
  });

  it.each([
    ['no offset: Date.parse would read it in the machine zone', '2026-03-16T09:00:00'],
    ['a date alone', '2026-03-16'],
    ['a space separator', '2026-03-16 09:00:00Z'],
    ['no fraction digits', '2026-03-16T09:00:00.Z'],
    ['February 29 in a common year', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-03-16T24:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['an offset without colon', '2026-03-16T09:00:00+0100'],
    ['before 1900', '1899-12-31T23:59:59Z'],
    ['trailing text', '2026-03-16T09:00:00Zjunk'],
    ['epoch milliseconds', '1773651600000'],
  ])('refuses %s', (_why, text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('reads back what formatInstant and Date#toISOString print (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (t) => {
        const text = new Date(t).toISOString();
        expect(formatInstant(t)).toBe(text);
        expect(parseInstant(text)).toBe(t);
      }),
      { numRuns: 2_000 },
    );
  });
});
