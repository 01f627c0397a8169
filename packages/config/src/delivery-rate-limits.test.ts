import { describe, expect, it } from 'vitest';
import { ConfigError, loadWorkerConfig } from './load-config';

const base = { DATABASE_URL: 'postgresql://heinrich@127.0.0.1:5432/heinrich', REDIS_URL: 'redis://127.0.0.1:6379' };

function problems(env: Record<string, string>): string[] {
  try {
    loadWorkerConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.key}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('DELIVERY_RATE_LIMITS', () => {
  it('names providers with their sends per second; the others use DELIVERY_RATE_PER_SECOND', () => {
    const config = loadWorkerConfig({ ...base, DELIVERY_RATE_LIMITS: ' sms=1, voice = 2,webhook=50 ', DELIVERY_RATE_PER_SECOND: '30' });
    expect(config.deliveryRateLimits).toEqual({ sms: 1, voice: 2, webhook: 50 });
    expect(config.deliveryRatePerSecond).toBe(30);
    expect(loadWorkerConfig(base).deliveryRateLimits).toEqual({});
  });

  it('refuses an unknown provider, naming it', () => {
    expect(problems({ DELIVERY_RATE_LIMITS: 'sms=1,pager=3' })).toEqual(['DELIVERY_RATE_LIMITS: unknown provider "pager" (one of sms, voice, slack, webhook, log)']);
  });

  it('refuses a limit of 0, a name given twice and a malformed list', () => {
    expect(problems({ DELIVERY_RATE_LIMITS: 'sms=0,voice=1,voice=2' })).toEqual([
      'DELIVERY_RATE_LIMITS: sms: at least 1 send per second',
      'DELIVERY_RATE_LIMITS: "voice" is named twice',
    ]);
    expect(problems({ DELIVERY_RATE_LIMITS: 'sms:1' })).toEqual(['DELIVERY_RATE_LIMITS: must look like sms=1,voice=1,slack=1,webhook=50']);
  });
});
