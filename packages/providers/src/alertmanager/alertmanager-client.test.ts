import { describe, expect, it } from 'vitest';
import { apiUrl, matcherFilter } from './alertmanager-client';

describe('apiUrl', () => {
  it('keeps a path prefix and drops trailing slashes', () => {
    expect(apiUrl('http://am:9093', 'silences')).toBe('http://am:9093/api/v2/silences');
    expect(apiUrl('https://ops.example.com/alertmanager/', 'silence/x')).toBe('https://ops.example.com/alertmanager/api/v2/silence/x');
  });
});

describe('matcherFilter', () => {
  it('quotes values and escapes quotes and backslashes', () => {
    expect(matcherFilter({ name: 'alertname', value: 'Api"Down\\x', isRegex: false, isEqual: true })).toBe('alertname="Api\\"Down\\\\x"');
    expect(matcherFilter({ name: 'env', value: 'prod', isRegex: false, isEqual: false })).toBe('env!="prod"');
  });
});
