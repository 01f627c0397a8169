import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twilioSignature, twilioSignatureValid } from './verify-twilio-signature';

const token = 'test-auth-token';
const url = 'https://heinrich.example.com/api/v1/twilio/sms';
const params = { From: '+14155552671', Body: '12a', To: '+15005550006', MessageSid: 'SM1' };

describe('twilio signatures', () => {
  it('is HMAC-SHA1 over the URL and the sorted name+value pairs, base64', () => {
    const data = url + ['Body', 'From', 'MessageSid', 'To'].map((k) => k + params[k as keyof typeof params]).join('');
    expect(twilioSignature(token, url, params)).toBe(createHmac('sha1', token).update(data).digest('base64'));
  });

  it('accepts the right signature and refuses a missing or wrong one, or other params', () => {
    const sig = twilioSignature(token, url, params);
    expect(twilioSignatureValid(token, sig, url, params)).toBe(true);
    expect(twilioSignatureValid(token, undefined, url, params)).toBe(false);
    expect(twilioSignatureValid('other-token', sig, url, params)).toBe(false);
    expect(twilioSignatureValid(token, sig, url, { ...params, Body: '12r' })).toBe(false);
    expect(twilioSignatureValid(token, sig, `${url}?x=1`, params)).toBe(false);
  });
});
