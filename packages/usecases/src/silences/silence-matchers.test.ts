import { describe, expect, it } from 'vitest';
import { describeMatchers, silenceMatchers } from './silence-matchers';

describe('silenceMatchers', () => {
  it('takes the labels every alert shares, sorted by name', () => {
    const m = silenceMatchers([
      { alertname: 'KubePodCrashLooping', namespace: 'collector', pod: 'collector-1', node: 'd01' },
      { alertname: 'KubePodCrashLooping', namespace: 'collector', pod: 'collector-2', node: 'd01' },
    ]);
    expect(m).toEqual([
      { name: 'alertname', value: 'KubePodCrashLooping', isRegex: false, isEqual: true },
      { name: 'namespace', value: 'collector', isRegex: false, isEqual: true },
      { name: 'node', value: 'd01', isRegex: false, isEqual: true },
    ]);
    expect(describeMatchers(m)).toBe('alertname="KubePodCrashLooping", namespace="collector", node="d01"');
  });

  it('drops a label whose values differ or that one alert lacks, and empty values', () => {
    expect(silenceMatchers([{ a: '1', b: 'x', c: '' }, { a: '1' }])).toEqual([{ name: 'a', value: '1', isRegex: false, isEqual: true }]);
  });

  it('is empty when there are no alerts or nothing is shared', () => {
    expect(silenceMatchers([])).toEqual([]);
    expect(silenceMatchers([{ a: '1' }, { a: '2' }])).toEqual([]);
  });
});
