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

describe('DELIVERY_LEASE_MS', () => {
  it('is 30 s unless set', () => {
    expect(loadWorkerConfig(base).deliveryLeaseMs).toBe(30_000);
    expect(loadWorkerConfig({ ...base, DELIVERY_LEASE_MS: '60000' }).deliveryLeaseMs).toBe(60_000);
  });

  it('must outlast the longest send (a Slack DM: two calls of 10 s) by 5 s', () => {
    expect(loadWorkerConfig({ ...base, DELIVERY_LEASE_MS: '25000' }).deliveryLeaseMs).toBe(25_000);
    expect(problems({ DELIVERY_LEASE_MS: '24999' })).toEqual([
      'DELIVERY_LEASE_MS: must be at least 25000 (5000 ms longer than the longest send: WEBHOOK_TIMEOUT_MS 10000, a Twilio call 10000, a Slack DM 20000)',
    ]);
  });

  it('must outlast WEBHOOK_TIMEOUT_MS when that is the longest', () => {
    expect(problems({ WEBHOOK_TIMEOUT_MS: '30000' })).toEqual([
      'DELIVERY_LEASE_MS: must be at least 35000 (5000 ms longer than the longest send: WEBHOOK_TIMEOUT_MS 30000, a Twilio call 10000, a Slack DM 20000)',
    ]);
    expect(problems({ WEBHOOK_TIMEOUT_MS: '30000', DELIVERY_LEASE_MS: '35000' })).toEqual([]);
  });
});
