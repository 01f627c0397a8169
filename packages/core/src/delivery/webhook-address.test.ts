import { describe, expect, it } from 'vitest';
import { allowsPrivateWebhooks, checkWebhookAddress, checkWebhookHost, classifyAddress } from './webhook-address';

/** The hostname a URL parser leaves of a webhook URL: `127.1` and `2130706433` become 127.0.0.1. */
const hostOf = (url: string) => new URL(url).hostname;

describe('classifyAddress', () => {
  it('finds link-local and metadata addresses', () => {
    for (const a of ['169.254.169.254', '169.254.0.1', 'fe80::1', '[fe80::1%25eth0]', 'fd00:ec2::254', '100.100.100.200', '168.63.129.16', '::ffff:169.254.169.254', '224.0.0.1', '255.255.255.255']) {
      expect(classifyAddress(a), a).toMatchObject({ kind: 'metadata' });
    }
  });

  it('finds loopback, private, CGNAT, unique-local and unspecified addresses', () => {
    for (const a of ['127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '[::1]', '::', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::127.0.0.1', '::ffff:0:10.0.0.1', '64:ff9b::10.0.0.1', '::ffff:7f00:1']) {
      expect(classifyAddress(a), a).toMatchObject({ kind: 'internal' });
    }
  });

  it('leaves public addresses and names alone', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8']) expect(classifyAddress(a), a).toEqual({ kind: 'public' });
    expect(classifyAddress('hooks.example.com')).toBeUndefined();
  });
});

describe('checkWebhookHost', () => {
  it('refuses metadata always, whatever the setting', () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'https://metadata.google.internal/computeMetadata/v1', 'https://METADATA.google.internal./x', 'http://[fe80::1]/', 'http://[fd00:ec2::254]/', 'http://[::ffff:169.254.169.254]/', 'http://2852039166/']) {
      expect(checkWebhookHost(hostOf(url), true), url).toMatchObject({ ok: false, reason: expect.stringContaining('never') });
    }
  });

  it('refuses loopback and private hosts in every spelling unless private webhooks are allowed', () => {
    const urls = ['http://127.0.0.1:8080/', 'http://127.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://localhost:6379/', 'http://app.localhost/', 'https://10.0.0.1:6443/', 'https://172.16.5.4/', 'https://192.168.0.1/', 'https://100.64.1.1/', 'http://0.0.0.0:8080/', 'http://[::1]:8080/', 'http://[::]/', 'http://[fc00::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/', 'http://[::ffff:10.0.0.1]/'];
    for (const url of urls) {
      expect(checkWebhookHost(hostOf(url), false), url).toMatchObject({ ok: false, reason: expect.stringContaining('WEBHOOK_ALLOW_PRIVATE') });
      expect(checkWebhookHost(hostOf(url), true), url).toEqual({ ok: true });
    }
  });

  it('takes public addresses and names (names are checked again when sent)', () => {
    expect(checkWebhookHost(hostOf('https://hooks.example.com/x'), false)).toEqual({ ok: true });
    expect(checkWebhookHost(hostOf('https://93.184.216.34/x'), false)).toEqual({ ok: true });
  });
});

describe('checkWebhookAddress (send time)', () => {
  it('judges resolved addresses by the same rule', () => {
    expect(checkWebhookAddress('127.0.0.1', false).ok).toBe(false);
    expect(checkWebhookAddress('127.0.0.1', true).ok).toBe(true);
    expect(checkWebhookAddress('169.254.169.254', true).ok).toBe(false);
    expect(checkWebhookAddress('93.184.216.34', false).ok).toBe(true);
    expect(checkWebhookAddress('not an address', true).ok).toBe(false);
  });
});

describe('allowsPrivateWebhooks', () => {
  it('allows them with WEBHOOK_ALLOW_PRIVATE or a loopback PUBLIC_URL only', () => {
    expect(allowsPrivateWebhooks('http://localhost:8080', false)).toBe(true);
    expect(allowsPrivateWebhooks('http://127.0.0.1:3000', false)).toBe(true);
    expect(allowsPrivateWebhooks('http://[::1]:3000', false)).toBe(true);
    expect(allowsPrivateWebhooks('https://heinrich.example.com', false)).toBe(false);
    expect(allowsPrivateWebhooks('https://10.0.0.5', false)).toBe(false);
    expect(allowsPrivateWebhooks('https://heinrich.example.com', true)).toBe(true);
  });
});
