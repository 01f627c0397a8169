import { describe, expect, it } from 'vitest';
import { checkContactValue, needsVerification } from './contact-method-value';

describe('checkContactValue', () => {
  it('stores phone numbers in E.164 form', () => {
    expect(checkContactValue('sms', ' +49 151 1234 5678 ')).toEqual({ ok: true, value: '+4915112345678' });
    expect(checkContactValue('voice', '+1 (415) 555-2671')).toEqual({ ok: true, value: '+14155552671' });
  });

  it('rejects national and invalid numbers', () => {
    expect(checkContactValue('sms', '0151 12345678')).toMatchObject({ ok: false, message: expect.stringContaining('E.164') });
    expect(checkContactValue('sms', '+49 1')).toMatchObject({ ok: false, message: expect.stringContaining('not a valid phone number') });
  });

  it('takes https webhooks, and plain http only to loopback', () => {
    const local = { allowPrivateWebhooks: true };
    expect(checkContactValue('webhook', 'https://hooks.example.com/x')).toEqual({ ok: true, value: 'https://hooks.example.com/x' });
    expect(checkContactValue('webhook', 'http://127.0.0.1:8080/hook', local)).toEqual({ ok: true, value: 'http://127.0.0.1:8080/hook' });
    expect(checkContactValue('webhook', 'http://[::1]:8080/hook', local).ok).toBe(true);
    expect(checkContactValue('webhook', 'http://hooks.example.com/x')).toMatchObject({ ok: false, message: expect.stringContaining('https') });
    expect(checkContactValue('webhook', 'https://user:pw@hooks.example.com/x').ok).toBe(false);
    expect(checkContactValue('webhook', 'hooks.example.com').ok).toBe(false);
  });

  it('refuses internal webhook addresses unless allowed, and metadata addresses always', () => {
    expect(checkContactValue('webhook', 'http://127.1:8080/hook')).toMatchObject({ ok: false, message: expect.stringContaining('loopback') });
    expect(checkContactValue('webhook', 'https://10.0.0.1:6443/')).toMatchObject({ ok: false, message: expect.stringContaining('private') });
    expect(checkContactValue('webhook', 'https://10.0.0.1:6443/', { allowPrivateWebhooks: true }).ok).toBe(true);
    expect(checkContactValue('webhook', 'http://169.254.169.254/latest', { allowPrivateWebhooks: true })).toMatchObject({ ok: false, message: expect.stringContaining('link-local') });
  });

  it('takes Slack member ids and log labels', () => {
    expect(checkContactValue('slack', 'U024BE7LH').ok).toBe(true);
    expect(checkContactValue('slack', '#ops').ok).toBe(false);
    expect(checkContactValue('log', 'demo')).toEqual({ ok: true, value: 'demo' });
    expect(checkContactValue('log', '  ').ok).toBe(false);
  });

  it('phones need verification, the rest does not', () => {
    expect(['sms', 'voice', 'slack', 'webhook', 'log'].filter((t) => needsVerification(t as never))).toEqual(['sms', 'voice']);
  });
});
