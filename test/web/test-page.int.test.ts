// "Send test page" on a person's contact methods (issue 22), in real Chromium
// at 1280 and 390 px against the real api and worker, the SMS through the real
// twilio client to the fake Twilio: the status is shown as it arrives (queued →
// sent → delivered, or failed in plain words), each method says when it last
// delivered anything in the viewer's zone, a second test within the minute is
// refused in words, and no ISO instant is shown.
import { buildSenders } from '@heinrich/providers/build-senders';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsIsoInstant } from '../../apps/web/src/lib/instant-text';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, startFakeTwilio, type FakeTwilio } from '../twilio/fake-twilio';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

describe('send test page (web UI)', () => {
  let web: WebWorld;
  let twilio: FakeTwilio;
  let worker: TestWorker;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    const env = { TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID, TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN, TWILIO_FROM_NUMBER: FAKE_FROM, TWILIO_API_BASE_URL: twilio.url };
    web = await startWeb({ env });
    twilio.heinrichUrl = web.baseUrl;
    worker = await startTestWorker({
      databaseUrl: web.api.databaseUrl,
      redisUrl: web.api.redisUrl,
      redisPrefix: web.api.redisPrefix,
      env: { ...env, PUBLIC_URL: web.baseUrl, DELIVERY_BACKOFF_MS: '100', DELIVERY_SWEEP_INTERVAL_MS: '200' },
      senders: (config, logger) => buildSenders(config, logger, () => new Date()),
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await web?.close();
    await twilio?.close();
  });

  /** an SMS method of `user`, verified with the code the fake received */
  async function verifiedSms(user: { id: string }, number: string): Promise<string> {
    const res = await web.api.admin('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'sms', value: number });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const code = await eventually('the verification code', async () => /(\d{6})/.exec(twilio.messages.find((m) => m.to === number)?.body ?? '')?.[1]);
    const verified = await web.api.admin('POST', `/api/v1/users/${user.id}/contact-methods/${res.body.id}/verify`, { code });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    return res.body.id as string;
  }

  async function expectNoIsoInstant(page: Page) {
    const text = await page.locator('main').innerText();
    expect(containsIsoInstant(text), text).toBe(false);
  }

  it('desktop: the status arrives (sent, then delivered) and the method says when it last delivered, in the viewer zone', async () => {
    const tess = await web.api.createUser({ name: 'Tess Tester' });
    const number = '+14155550191';
    await verifiedSms(tess, number);
    const page = await web.newPage(DESKTOP, { timezoneId: 'America/New_York' });
    await signInAs(page, tess);
    await page.goto(`/users/${tess.id}`);
    await page.getByRole('heading', { name: 'Contact methods' }).waitFor();
    await page.getByText('Nothing delivered on this method yet.').waitFor();

    await page.getByRole('button', { name: `Send test page to SMS: ${number}` }).click();
    const status = page.locator('.test-page-status');
    await status.filter({ hasText: 'Sent: Twilio took it' }).waitFor();
    const msg = twilio.messages.find((m) => m.to === number && m.body.includes('Test page for Tess Tester'));
    expect(msg, JSON.stringify(twilio.messages.map((m) => m.body))).toBeDefined();
    // the method's "last delivered" is the sent time, in the viewer's zone ("Mon 7 Dec, 04:12")
    await page.getByText(/^Last delivered: \w{3} \d{1,2} \w{3}, \d{2}:\d{2}$/).waitFor();
    const lastDelivered = await page.locator('.last-delivered time').getAttribute('datetime');
    const shown = await page.locator('.last-delivered time').innerText();
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(lastDelivered!));
    expect(shown).toContain(expected);

    await twilio.messageStatus(msg!, 'delivered');
    await status.filter({ hasText: 'Test page: Delivered to the phone.' }).waitFor();

    // a second within the minute: refused in words, nothing sent
    const sent = twilio.messages.length;
    await page.getByRole('button', { name: `Send test page to SMS: ${number}` }).click();
    await page.getByText(/less than a minute ago; try again in \d+ seconds?/).waitFor();
    expect(twilio.messages.length).toBe(sent);
    await expectNoIsoInstant(page);

    // the incident list does not show the test page
    await page.goto('/');
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(await page.getByText('Test page for Tess Tester').count()).toBe(0);
  });

  it('phone: a failed test page says why in plain words, and the page fits 390 px', async () => {
    const fay = await web.api.createUser({ name: 'Fay Failing' });
    const number = '+14155550192';
    await verifiedSms(fay, number);
    twilio.fail(number, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number" });
    const page = await web.newPage(PHONE);
    await signInAs(page, fay);
    await page.goto(`/users/${fay.id}`);
    await page.getByRole('heading', { name: 'Contact methods' }).waitFor();
    await page.getByRole('button', { name: `Send test page to SMS: ${number}` }).click();
    await page.locator('.test-page-status.bad').filter({ hasText: 'Test page: Failed: the phone number is not valid.' }).waitFor();
    await page.getByText('Nothing delivered on this method yet.').waitFor();
    await expectNoIsoInstant(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
