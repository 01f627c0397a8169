import { describe, expect, it } from 'vitest';
import { formatSeconds, formatShare, formatTrend, insightListHref } from './insight-format';

describe('insight formats', () => {
  it('durations, shares and trends in words', () => {
    expect([formatSeconds(null), formatSeconds(45), formatSeconds(180), formatSeconds(3900), formatSeconds(3 * 86_400 + 7200)]).toEqual(['–', '45 s', '3 min', '1 h 5 min', '3 d 2 h']);
    expect([formatShare(null), formatShare(0.667), formatShare(1)]).toEqual(['–', '67 %', '100 %']);
    expect([formatTrend({ delta: 0, percent: 0 }), formatTrend({ delta: 3, percent: 300 }), formatTrend({ delta: -1, percent: -50 }), formatTrend({ delta: 2, percent: null })]).toEqual([
      'no change',
      'up 3 (+300 %)',
      'down 1 (−50 %)',
      'up 2 (none before)',
    ]);
  });
  it('the incident list behind a number', () => {
    expect(insightListHref('nearMiss', { from: '2026-03-22T00:00:00.000Z', to: '2026-04-05T00:00:00.000Z', teamId: 't1' })).toBe(
      '/incidents?insight=nearMiss&from=2026-03-22T00%3A00%3A00.000Z&to=2026-04-05T00%3A00%3A00.000Z&teamId=t1',
    );
  });
});
