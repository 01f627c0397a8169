// The twilio provider against the fake Twilio over real HTTP: the SDK follows
// TWILIO_API_BASE_URL, authenticates, and its errors become what the delivery
// pipeline needs (429 with Retry-After and 5xx retryable, 21211 permanent, a
// dead server retryable).
import { PermanentDeliveryError, RetryableDeliveryError, type DeliveryMessage } from '@heinrich/providers/delivery-sender';
import { twilioSmsSender } from '@heinrich/providers/twilio/sms-sender';
import { createTwilioClient } from '@heinrich/providers/twilio/twilio-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, startFakeTwilio, type FakeTwilio } from './fake-twilio';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(async () => {
  await fake?.close();
});

const page = (to: string): DeliveryMessage => ({
  deliveryId: '00000000-0000-4000-8000-000000000001',
  target: to,
  signingSecret: null,
  incident: { id: 'i', number: 42, title: 'Disk full', status: 'triggered', urgency: 'high', url: 'https://h.example/incidents/42' },
  service: { id: 's', name: 'checkout' },
  user: { id: 'u', name: 'Alice' },
  cycle: 0,
  step: 0,
  replyCode: '3',
  alertCount: 2,
});

const sender = (baseUrl: string) =>
  twilioSmsSender({ client: createTwilioClient({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBaseUrl: baseUrl, timeoutMs: 2000 }), fromNumber: FAKE_FROM, publicUrl: 'https://h.example' });

describe('twilio sms sender', () => {
  it('sends through the base URL with basic auth and returns the message sid', async () => {
    const { providerId } = await sender(fake.url).send(page('+14155550401'));
    const m = fake.messages.find((x) => x.to === '+14155550401')!;
    expect(providerId).toBe(m.sid);
    expect(m.body).toBe('Heinrich #42: Reply 3a to ack, 3r to resolve, 3e to escalate. checkout: Disk full (2 alerts) https://h.example/incidents/42');
    expect(m.params).toMatchObject({ From: FAKE_FROM, StatusCallback: 'https://h.example/api/v1/twilio/status?delivery=00000000-0000-4000-8000-000000000001', ValidityPeriod: '600' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Messages.json`, authorized: true });
  });

  it('429 is retryable with its Retry-After; 500 is retryable; 21211 is permanent', async () => {
    fake.fail('+14155550402', { status: 429, code: 20429, retryAfter: '7', times: 1 });
    const limited = await sender(fake.url).send(page('+14155550402')).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RetryableDeliveryError);
    expect((limited as RetryableDeliveryError).retryAfterMs).toBe(7000);

    fake.fail('+14155550403', { status: 500, code: 20500, times: 1 });
    expect(await sender(fake.url).send(page('+14155550403')).catch((e: unknown) => e)).toBeInstanceOf(RetryableDeliveryError);

    fake.fail('+14155550404', { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const invalid = await sender(fake.url).send(page('+14155550404')).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(PermanentDeliveryError);
    expect((invalid as Error).message).toBe("SMS to +1 ••• 04: Twilio 21211 invalid phone number (The 'To' number is not a valid phone number.)");
  });

  it('a server that does not answer is retryable', async () => {
    const err = await sender('http://127.0.0.1:9').send(page('+14155550405')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect((err as Error).message).toMatch(/^Twilio did not answer/);
  });
});
