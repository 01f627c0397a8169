import { describe, expect, it } from 'vitest';
import { ConfigError, loadApiConfig } from './load-config';

const base = {
  DATABASE_URL: 'postgresql://heinrich@127.0.0.1:5432/heinrich',
  REDIS_URL: 'redis://127.0.0.1:6379',
  HEINRICH_ADMIN_API_KEY: 'a-bootstrap-key-of-24-chars-or-more',
};

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset (X-Forwarded-For is ignored)', () => {
    expect(loadApiConfig(base).trustProxy).toBe(false);
    expect(loadApiConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes true, a hop count, or a list of addresses, ranges and names', () => {
    expect(loadApiConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadApiConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadApiConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, loopback, fd00::/8, 192.0.2.7' }).trustProxy).toBe('10.0.0.0/8, loopback, fd00::/8, 192.0.2.7');
  });

  it('refuses what is not an address, a range or a name, naming it', () => {
    try {
      loadApiConfig({ ...base, TRUST_PROXY: 'loopback, ingress.local, 10.0.0.0/40' });
      expect.unreachable('a bad TRUST_PROXY was accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => `${p.key}: ${p.message}`)).toEqual([
        'TRUST_PROXY: "ingress.local" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal (or use true, false or a hop count)',
        'TRUST_PROXY: "10.0.0.0/40" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal (or use true, false or a hop count)',
      ]);
    }
  });
});
