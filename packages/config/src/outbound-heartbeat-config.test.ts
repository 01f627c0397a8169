import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadWorkerConfig } from './load-config';

const base = { DATABASE_URL: 'postgresql://heinrich@127.0.0.1:5432/heinrich', REDIS_URL: 'redis://127.0.0.1:6379' };
const SECRET = 'hb_0123456789abcdef-secret';

function problems(env: Record<string, string>): string[] {
  try {
    loadWorkerConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.key}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('HEARTBEAT_URL (the outbound heartbeat)', () => {
  it('is off unless set; the interval and thresholds default to 60 s and 120 s', () => {
    const config = loadWorkerConfig(base);
    expect(config.outboundHeartbeat).toEqual({ configured: false, intervalMs: 60_000, maxOutboxLagSeconds: 120, maxEscalationLagSeconds: 120 });
    expect(config.credentials.current('HEARTBEAT_URL')).toBeUndefined();
  });

  it('is a credential: from the environment or a file, the value kept out of the config fields', () => {
    const url = `https://hc-ping.com/${SECRET}`;
    const fromEnv = loadWorkerConfig({ ...base, HEARTBEAT_URL: url, HEARTBEAT_INTERVAL_SECONDS: '5' });
    expect(fromEnv.outboundHeartbeat).toMatchObject({ configured: true, intervalMs: 5_000 });
    expect(fromEnv.credentials.current('HEARTBEAT_URL')).toBe(url);
    expect(JSON.stringify(fromEnv.outboundHeartbeat)).not.toContain(SECRET);
    const dir = mkdtempSync(join(tmpdir(), 'heinrich-heartbeat-url-'));
    try {
      writeFileSync(join(dir, 'url'), `${url}\n`);
      const fromFile = loadWorkerConfig({ ...base, HEARTBEAT_URL_FILE: join(dir, 'url') });
      expect(fromFile.outboundHeartbeat.configured).toBe(true);
      expect(fromFile.credentials.current('HEARTBEAT_URL')).toBe(url);
      expect(problems({ HEARTBEAT_URL: url, HEARTBEAT_URL_FILE: join(dir, 'url') })).toEqual(['HEARTBEAT_URL_FILE: set HEARTBEAT_URL or HEARTBEAT_URL_FILE, not both']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what fetch cannot send, naming the rule and never the value', () => {
    const bad = [`ftp://example.com/${SECRET}`, `https://user:${SECRET}@example.com/ping`, `not a url ${SECRET}`];
    for (const value of bad) {
      const found = problems({ HEARTBEAT_URL: value });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^HEARTBEAT_URL: /);
      expect(found[0]).not.toContain(SECRET);
    }
    expect(problems({ HEARTBEAT_URL: `https://user:${SECRET}@example.com/ping` })[0]).toContain('must not contain user:password@');
    expect(problems({ HEARTBEAT_INTERVAL_SECONDS: '0' })).toHaveLength(1);
  });
});
