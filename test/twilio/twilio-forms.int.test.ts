// Twilio's webhook forms at the edge, through real HTTP: the signature is
// checked over every posted parameter first (a form missing a field but badly
// signed is a 403, not a 400), then the fields the handler reads are validated
// (packages/contracts/src/twilio.ts): missing ones are a 400 naming them, and
// the parameters Heinrich does not read pass through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, twilioSign } from './fake-twilio';

const PUBLIC_URL = 'https://heinrich.example.com';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: { PUBLIC_URL, TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID, TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN, TWILIO_FROM_NUMBER: FAKE_FROM } });
});

afterAll(async () => {
  await api?.close();
});

/** POSTs `params` to `path` signed as Twilio signs them (or with `signature`). */
async function post(path: string, params: Record<string, string>, signature = twilioSign(FAKE_AUTH_TOKEN, `${PUBLIC_URL}${path}`, params)) {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
}

const errorOf = (text: string) => (JSON.parse(text) as { error: { code: string; message: string; fields: { path: string; message: string }[] } }).error;

describe('Twilio webhook forms', () => {
  it('an inbound SMS without From or Body is a 400 naming the field', async () => {
    const noFrom = await post('/api/v1/twilio/sms', { AccountSid: FAKE_ACCOUNT_SID, To: FAKE_FROM, Body: '1a' });
    expect(noFrom.status).toBe(400);
    expect(errorOf(noFrom.text)).toMatchObject({ code: 'validation_failed', message: 'Request body is invalid: From is required', fields: [{ path: 'From', message: 'is required' }] });
    const noBody = await post('/api/v1/twilio/sms', { AccountSid: FAKE_ACCOUNT_SID, To: FAKE_FROM, From: '+14155550999' });
    expect(noBody.status).toBe(400);
    expect(errorOf(noBody.text).message).toBe('Request body is invalid: Body is required');
  });

  it('the signature comes first: a form missing a field and badly signed is a 403', async () => {
    const res = await post('/api/v1/twilio/sms', { To: FAKE_FROM }, 'bm90IHRoZSBzaWduYXR1cmU=');
    expect(res.status).toBe(403);
    expect(errorOf(res.text).code).toBe('forbidden');
  });

  it('a complete SMS with parameters Heinrich does not read is answered (they pass through, and are covered by the signature)', async () => {
    const res = await post('/api/v1/twilio/sms', { From: '+14155550999', Body: 'help', NumMedia: '0', SmsSid: 'SM1', ApiVersion: '2010-04-01', SomethingNew: 'x' });
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/xml');
    expect(res.text).toContain('this number is not set up for paging');
  });

  it('a status callback naming neither a call nor a message status is a 400', async () => {
    const res = await post('/api/v1/twilio/status?delivery=00000000-0000-4000-8000-000000000001', { AccountSid: FAKE_ACCOUNT_SID, MessageSid: 'SM1' });
    expect(res.status).toBe(400);
    expect(errorOf(res.text).message).toBe('Request body is invalid: (root) must carry CallSid and CallStatus (a call) or MessageSid and MessageStatus (a message)');
    // an intermediate status of an unknown message: accepted and ignored, as before
    expect((await post('/api/v1/twilio/status', { AccountSid: FAKE_ACCOUNT_SID, MessageSid: 'SM1', MessageStatus: 'sent' })).status).toBe(204);
  });

  it('a repeated ?delivery= is a 400; a gather without Digits repeats the menu (none is not an error)', async () => {
    const repeated = await post('/api/v1/twilio/voice/gather?delivery=a&delivery=b', { CallSid: 'CA1', Digits: '4' });
    expect(repeated.status).toBe(400);
    expect(errorOf(repeated.text).message).toBe('Query is invalid: delivery must be a string');
    const unknown = await post('/api/v1/twilio/voice/gather?delivery=00000000-0000-4000-8000-000000000001', { CallSid: 'CA1' });
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('not about an incident Heinrich knows');
  });
});
