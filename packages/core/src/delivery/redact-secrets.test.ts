import { describe, expect, it } from 'vitest';
import { redactDeliveryEvent } from './redact-delivery-event';
import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('cuts URLs to scheme and host', () => {
    expect(redactSecrets('webhook https://hooks.example.com/services/T00/B00/s3cr3t?token=abc123 answered 404')).toBe('webhook https://hooks.example.com answered 404');
    expect(redactSecrets('fetch https://user:pw@h.example.com:8443/x: ECONNREFUSED')).toBe('fetch https://h.example.com:8443: ECONNREFUSED');
    expect(redactSecrets('(see http://127.0.0.1:9/a/b).')).toBe('(see http://127.0.0.1:9).');
  });

  it('masks phone numbers and emails', () => {
    expect(redactSecrets("SMS to +4915112345667: Twilio 21211 invalid phone number (The 'To' number +4915112345667 is not valid)")).toBe(
      "SMS to +49 ••• 67: Twilio 21211 invalid phone number (The 'To' number +49 ••• 67 is not valid)",
    );
    expect(redactSecrets('users_not_found for alice@example.com')).toBe('users_not_found for a•••@example.com');
  });

  it('hides credentials and tokens', () => {
    expect(redactSecrets('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer •••');
    expect(redactSecrets('bad token xoxb-1234-5678-abcdefgh')).toBe('bad token xoxb•••');
    expect(redactSecrets('secret whsec_AbC123dEf456 leaked')).toBe('secret whsec••• leaked');
    expect(redactSecrets('GET /x?token=abc123&id=7 failed; password=hunter2 "api_key": "k-123"')).toBe('GET /x?token=•••&id=7 failed; password=••• "api_key": "•••"');
    expect(redactSecrets('signed with a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7')).toBe('signed with •••');
  });

  it('keeps what is no secret, and is idempotent', () => {
    const plain = 'webhook to hooks.example.com answered 500; delivery 0b9c3b52-3c5e-4a53-9d59-6f0e0d3f7a10, no answer within 10000 ms';
    expect(redactSecrets(plain)).toBe(plain);
    const once = redactSecrets('https://h.example.com/a?token=x +4915112345667 xoxb-1234-5678-abcdefgh');
    expect(redactSecrets(once)).toBe(once);
  });

  it('bounds the text', () => {
    expect(redactSecrets('x'.repeat(2000)).length).toBeLessThanOrEqual(500);
  });
});

describe('redactDeliveryEvent', () => {
  it('redacts the provider errors of delivery entries, and leaves notes alone', () => {
    const failed = {
      type: 'notification_failed',
      message: 'webhook to Dave failed (permanent failure: webhook https://hooks.example.com/s3cr3t?token=abc answered 404); trying log now',
      data: { error: 'webhook https://hooks.example.com/s3cr3t?token=abc answered 404', attempts: 1 },
    };
    expect(redactDeliveryEvent(failed)).toEqual({
      type: 'notification_failed',
      message: 'webhook to Dave failed (permanent failure: webhook https://hooks.example.com answered 404); trying log now',
      data: { error: 'webhook https://hooks.example.com answered 404', attempts: 1 },
    });
    const note = { type: 'note', message: 'see https://grafana.example.com/d/abc?var=x', data: {} };
    expect(redactDeliveryEvent(note)).toBe(note);
  });
});
