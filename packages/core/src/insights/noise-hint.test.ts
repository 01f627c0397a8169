import { describe, expect, it } from 'vitest';
import { noiseHint } from './noise-hint';
import { median, percentile } from './percentile';

const base = { incidents: 10, pages: 10, resolved: 10, resolvedWithoutAck: 0, selfResolvedWithin3Min: 0, flapping: 0 };

describe('noiseHint: one line where the data supports one', () => {
  it('resolves by itself within 3 min in 80 % or more of 5 or more resolved incidents', () => {
    expect(noiseHint({ ...base, resolvedWithoutAck: 10, selfResolvedWithin3Min: 9 })).toBe(
      'resolves by itself within 3 min in 90 % of cases: consider `for: 5m` or low urgency',
    );
    expect(noiseHint({ ...base, incidents: 4, resolved: 4, resolvedWithoutAck: 4, selfResolvedWithin3Min: 4, pages: 0 })).toBeNull();
  });

  it('flaps: 3 or more re-fires folded into a flap', () => {
    expect(noiseHint({ ...base, flapping: 3 })).toMatch(/^flaps \(3 re-fires folded into a flap\)/);
    expect(noiseHint({ ...base, flapping: 2 })).toBeNull();
  });

  it('paged, and 80 % resolved without anyone acknowledging', () => {
    expect(noiseHint({ ...base, resolvedWithoutAck: 8 })).toMatch(/^80 % resolved without anyone acknowledging/);
    expect(noiseHint({ ...base, pages: 0, resolvedWithoutAck: 8 })).toBeNull();
    expect(noiseHint({ ...base, resolvedWithoutAck: 7 })).toBeNull();
  });
});

describe('percentile: linear between closest ranks (as Postgres percentile_cont)', () => {
  it('median and p90', () => {
    expect(median([600, 600, 600, 1200, 2400, 3600])).toBe(900);
    expect(percentile([65, 115, 180, 245, 900], 0.9)).toBeCloseTo(638);
    expect(percentile([5], 0.9)).toBe(5);
    expect(median([])).toBeNull();
  });
});
