import { describe, expect, it } from 'vitest';
import { ordinal, stormHoldReason } from './storm-hold-reason';

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [6, '6th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
    [111, '111th'],
  ])('%i -> %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});

describe('stormHoldReason', () => {
  it('names the storm, the numbers that started it and the storm page', () => {
    expect(stormHoldReason({ stormId: 's1', pageIncidentNumber: 12, serviceName: 'Collector', incidents: 6, windowSeconds: 300 })).toBe(
      'held by storm s1: the 6th new incident on Collector in 5 min started it; the storm page is incident #12',
    );
  });

  it('an entry written before the numbers were recorded names the storm only', () => {
    expect(stormHoldReason({ stormId: 's1' })).toBe(
      'held by storm s1',
    );
  });

  it('a window in seconds', () => {
    expect(stormHoldReason({ stormId: 's1', incidents: 9, windowSeconds: 45, pageIncidentNumber: 3 })).toContain('the 9th new incident in 45 s started it; the storm page is incident #3');
  });
});
