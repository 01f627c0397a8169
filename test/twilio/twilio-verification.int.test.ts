// Verifying a phone number: creating an sms method sends a 6-digit code by SMS
// (a voice method: by a call), through the real twilio client and the fake
// Twilio; the right code verifies, wrong codes are counted and limited, codes
// expire after 10 minutes, a new code is at most one a minute. Without Twilio
// the number is kept unverified and the answer says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { startTwilioWorld, type TwilioWorld } from './twilio-world';

let t: TwilioWorld;

beforeAll(async () => {
  t = await startTwilioWorld();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const codeSentTo = (number: string) => {
  const all = t.twilio.messages.filter((m) => m.to === number);
  return /code is (\d{6})/.exec(all.at(-1)?.body ?? '')?.[1];
};

async function create(userId: string, type: string, number: string) {
  const res = await t.world.api.admin('POST', `/api/v1/users/${userId}/contact-methods`, { type, value: number });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const verify = (userId: string, id: string, code: string) => t.world.api.admin('POST', `/api/v1/users/${userId}/contact-methods/${id}/verify`, { code });
const resend = (userId: string, id: string) => t.world.api.admin('POST', `/api/v1/users/${userId}/contact-methods/${id}/send-verification`);
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('contact method verification', () => {
  it('sends a code by SMS; a wrong code says how many tries are left; the right one verifies', async () => {
    const alice = t.world.people.alice;
    const m = await create(alice.id, 'sms', '+14155550301');
    expect(m).toMatchObject({ verified: false, verification: { status: 'sent' } });
    expect(m.verification.expiresAt).toBe(new Date(t.world.clock.now().getTime() + 10 * 60_000).toISOString());
    const code = codeSentTo('+14155550301')!;
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.world.api.db.pool.query(`SELECT verification_code_hash AS h FROM contact_methods WHERE id = $1`, [m.id]);
    expect(stored.rows[0].h).not.toContain(code);

    const wrong = await verify(alice.id, m.id, wrongCode(code));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'code', message: 'is wrong (4 tries left)' }]);
    const bad = await verify(alice.id, m.id, '12ab');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toEqual({ path: 'code', message: 'must be the 6 digits that were sent' });

    const right = await verify(alice.id, m.id, code);
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ id: m.id, verified: true, verifiedAt: t.world.clock.now().toISOString() });
    expect((await verify(alice.id, m.id, code)).status).toBe(200);
    expect((await resend(alice.id, m.id)).status).toBe(409);
  });

  it('after 5 wrong codes even the right one is refused until a new code is sent', async () => {
    const bob = t.world.people.bob;
    const m = await create(bob.id, 'sms', '+14155550302');
    const code = codeSentTo('+14155550302')!;
    for (let i = 0; i < 5; i++) expect((await verify(bob.id, m.id, wrongCode(code))).status).toBe(400);
    const locked = await verify(bob.id, m.id, code);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('Too many wrong codes');

    const tooSoon = await resend(bob.id, m.id);
    expect(tooSoon.status).toBe(429);
    t.world.clock.advanceMinutes(1);
    const again = await resend(bob.id, m.id);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('sent');
    const fresh = codeSentTo('+14155550302')!;
    expect((await verify(bob.id, m.id, fresh)).body.verified).toBe(true);
  });

  it('a code expires after 10 minutes', async () => {
    const carol = t.world.people.carol;
    const m = await create(carol.id, 'sms', '+14155550303');
    const code = codeSentTo('+14155550303')!;
    t.world.clock.advanceMinutes(10);
    const expired = await verify(carol.id, m.id, code);
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toContain('expired');
    const unverified = (await t.world.api.admin('GET', `/api/v1/users/${carol.id}/contact-methods`)).body.items[0];
    expect(unverified.verified).toBe(false);
  });

  it('a voice number gets its code by a call that says the digits', async () => {
    const dave = t.world.people.dave;
    const m = await create(dave.id, 'voice', '+14155550304');
    expect(m.verification).toMatchObject({ status: 'sent', message: expect.stringContaining('by a phone call') });
    const call = t.twilio.calls.find((c) => c.to === '+14155550304')!;
    const digits = /code is (\d), (\d), (\d), (\d), (\d), (\d)\./.exec(call.twiml ?? '')!.slice(1).join('');
    expect((await verify(dave.id, m.id, digits)).body.verified).toBe(true);
  });

  it('a number Twilio refuses is kept unverified and the answer says why', async () => {
    const lena = t.world.people.lena;
    t.twilio.fail('+14155550305', { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const m = await create(lena.id, 'sms', '+14155550305');
    expect(m).toMatchObject({ verified: false, verification: { status: 'failed', message: expect.stringContaining('21211') } });
  });
});

describe('without Twilio credentials', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('a phone method is kept unverified and says verification is unavailable; sending a code and the webhooks answer 503', async () => {
    const user = await api.createUser({ name: 'Nadia' });
    const res = await api.admin('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'sms', value: '+14155550399' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ verified: false, verification: { status: 'unavailable', message: expect.stringContaining('Twilio is not configured') } });
    const send = await api.admin('POST', `/api/v1/users/${user.id}/contact-methods/${res.body.id}/send-verification`);
    expect(send.status).toBe(503);
    const verify = await api.admin('POST', `/api/v1/users/${user.id}/contact-methods/${res.body.id}/verify`, { code: '123456' });
    expect(verify.status).toBe(409);
    const hook = await api.request('POST', '/api/v1/twilio/sms', 'From=%2B14155550399&Body=1a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(hook.status).toBe(503);
    expect(hook.body.error.message).toContain('Twilio is not configured');
  });
});
