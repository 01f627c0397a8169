import { describe, expect, it } from 'vitest';
import { credentialFromFile, readCredentialFiles } from './credential-files';
import { Credentials } from './credentials';
import { ConfigError, loadApiConfig } from './load-config';

const files: Record<string, string> = {
  '/run/secrets/admin': 'admin-key-from-a-file-0123456789\n',
  '/run/secrets/db': 'postgresql://heinrich:pw@db:5432/heinrich\r\n',
  '/run/secrets/token': 'twilio-token-0123456789abcdef',
};
const read = (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('X_FILE', () => {
  it('reads the value from the file, without its trailing newline, and drops the _FILE key', () => {
    const out = readCredentialFiles({ HEINRICH_ADMIN_API_KEY_FILE: '/run/secrets/admin', DATABASE_URL_FILE: '/run/secrets/db', PORT: '1' }, read);
    expect(out.problems).toEqual([]);
    expect(out.env).toEqual({ HEINRICH_ADMIN_API_KEY: 'admin-key-from-a-file-0123456789', DATABASE_URL: 'postgresql://heinrich:pw@db:5432/heinrich', PORT: '1' });
    // only the rotatable ones are watched; DATABASE_URL needs a restart
    expect(out.files).toEqual({ HEINRICH_ADMIN_API_KEY: '/run/secrets/admin' });
  });

  it.each([
    ['value\n', 'value'],
    ['value\r\n', 'value'],
    ['value', 'value'],
    ['value\n\n', 'value\n'],
    [' spaced value ', ' spaced value '],
  ])('takes %j as %j', (content, value) => expect(credentialFromFile(content)).toBe(value));

  it('refuses both X and X_FILE, naming both, and a file it cannot read, naming the path (never a value)', () => {
    const out = readCredentialFiles({ TWILIO_AUTH_TOKEN: 'x', TWILIO_AUTH_TOKEN_FILE: '/run/secrets/token', SLACK_BOT_TOKEN_FILE: '/nope' }, read);
    expect(out.problems).toEqual([
      { key: 'SLACK_BOT_TOKEN_FILE', message: 'cannot read /nope: ENOENT' },
      { key: 'TWILIO_AUTH_TOKEN_FILE', message: 'set TWILIO_AUTH_TOKEN or TWILIO_AUTH_TOKEN_FILE, not both' },
    ]);
  });

  it('is a startup error of the config, listed with the other problems', () => {
    expect(() =>
      loadApiConfig({ DATABASE_URL: 'postgresql://x@h/d', REDIS_URL: 'redis://h', HEINRICH_ADMIN_API_KEY: 'k'.repeat(24), HEINRICH_ADMIN_API_KEY_FILE: '/run/x', PORT: 'eighty' }),
    ).toThrow(ConfigError);
    try {
      loadApiConfig({ DATABASE_URL: 'postgresql://x@h/d', REDIS_URL: 'redis://h', HEINRICH_ADMIN_API_KEY: 'k'.repeat(24), HEINRICH_ADMIN_API_KEY_FILE: '/run/x', PORT: 'eighty' });
    } catch (err) {
      expect((err as ConfigError).message).toContain('HEINRICH_ADMIN_API_KEY_FILE: set HEINRICH_ADMIN_API_KEY or HEINRICH_ADMIN_API_KEY_FILE, not both');
      expect((err as ConfigError).message).toContain('PORT:');
    }
  });
});

describe('Credentials', () => {
  function rotating(initial: string, graceMs = 10_000) {
    let content = `${initial}\n`;
    let now = 1_000_000;
    const credentials = new Credentials({ TWILIO_AUTH_TOKEN: initial }, { TWILIO_AUTH_TOKEN: '/t' }, {
      graceMs,
      now: () => now,
      validate: (_key, value) => (value.length >= 8 ? null : 'must be at least 8 characters'),
      read: async () => content,
    });
    return {
      credentials,
      write: (value: string) => (content = value),
      advance: (ms: number) => (now += ms),
    };
  }

  it('uses a changed file at once and accepts the previous value for the grace, then no longer', async () => {
    const r = rotating('old-token-0000');
    expect(await r.credentials.reload()).toEqual([]);
    r.write('new-token-1111\n');
    expect(await r.credentials.reload()).toEqual([{ key: 'TWILIO_AUTH_TOKEN', applied: true }]);
    expect(r.credentials.current('TWILIO_AUTH_TOKEN')).toBe('new-token-1111');
    expect(r.credentials.accepted('TWILIO_AUTH_TOKEN')).toEqual(['new-token-1111', 'old-token-0000']);
    r.advance(10_001);
    expect(r.credentials.accepted('TWILIO_AUTH_TOKEN')).toEqual(['new-token-1111']);
  });

  it('keeps the value in use when the new content is refused, and reports that once', async () => {
    const r = rotating('old-token-0000');
    r.write('short');
    expect(await r.credentials.reload()).toEqual([{ key: 'TWILIO_AUTH_TOKEN', applied: false, problem: 'must be at least 8 characters' }]);
    expect(await r.credentials.reload()).toEqual([]);
    expect(r.credentials.accepted('TWILIO_AUTH_TOKEN')).toEqual(['old-token-0000']);
    r.write('fixed-token-2222');
    expect(await r.credentials.reload()).toEqual([{ key: 'TWILIO_AUTH_TOKEN', applied: true }]);
  });

  it('keeps the value when the file is briefly unreadable (a Secret mid-update)', async () => {
    const credentials = new Credentials({ SLACK_BOT_TOKEN: 'xoxb-1' }, { SLACK_BOT_TOKEN: '/gone' }, {
      graceMs: 0,
      now: Date.now,
      validate: () => null,
      read: () => Promise.reject(new Error('ENOENT')),
    });
    expect(await credentials.reload()).toEqual([]);
    expect(credentials.current('SLACK_BOT_TOKEN')).toBe('xoxb-1');
  });

  it('rotates only what comes from a file; values given directly never change', async () => {
    const fixed = Credentials.fixed({ HEINRICH_ADMIN_API_KEY: 'a'.repeat(24) });
    expect(fixed.watched).toBe(false);
    expect(await fixed.reload()).toEqual([]);
    expect(fixed.accepted('HEINRICH_ADMIN_API_KEY')).toEqual(['a'.repeat(24)]);
    expect(fixed.accepted('METRICS_TOKEN')).toEqual([]);
  });
});
