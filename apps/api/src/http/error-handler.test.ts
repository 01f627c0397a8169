import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './error-handler';

describe('isDatabaseUnavailable: which failures tell the sender to retry (503)', () => {
  it.each([
    ['connection refused', { code: 'ECONNREFUSED' }],
    ['admin shutdown', { code: '57P01' }],
    ['statement timeout', { code: '57014' }],
    ['too many connections', { code: '53300' }],
    ['connection failure', { code: '08006' }],
    ['pool exhausted', { message: 'timeout exceeded when trying to connect' }],
  ])('%s -> yes', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['unique violation', { code: '23505' }],
    ['syntax error', { code: '42601' }],
    ['a plain bug', new TypeError('x is undefined')],
  ])('%s -> no (a retry would not help)', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
