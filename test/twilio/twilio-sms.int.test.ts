// Paging by SMS through the real twilio client and a fake Twilio API on
// loopback: the page's text and reply codes, a reply acknowledging, replies
// from unknown numbers, STOP/START, Twilio refusing the number (21211: no
// retry, the next method at once; 21610: the method is disabled), an
// undelivered status callback moving to the next method, and signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { SMS_WEBHOOK, startTwilioWorld, type TwilioWorld } from './twilio-world';

let t: TwilioWorld;

beforeAll(async () => {
  t = await startTwilioWorld();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const messagesTo = (number: string) => t.twilio.messages.filter((m) => m.to === number && !m.body.includes('verification code'));

describe('SMS pages', () => {
  it('Twilio refusing the number as unsubscribed (21610) disables the SMS method and moves to the next one', async () => {
    const bob = t.world.people.bob;
    const number = '+14155550106';
    const sms = await t.phone(bob, 'sms', number);
    const log = await t.method(bob, 'log', 'bob-log');
    await t.rule(bob, sms, 0);
    await t.rule(bob, log, 5);
    t.twilio.fail(number, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const incident = await t.page(bob);
    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    const [failed] = await t.world.timeline(incident.id, ['notification_failed']);
    // the timeline, which every responder reads, names the number masked
    expect(failed!.message).toContain('SMS to +1 ••• 06 is disabled until it replies START');
    expect(failed!.message).not.toContain(number);
    const method = (await t.world.api.admin('GET', `/api/v1/users/${bob.id}/contact-methods`)).body.items.find((m: { id: string }) => m.id === sms);
    expect(method).toMatchObject({ disabled: true, disabledReason: 'Twilio 21610: the number replied STOP' });
  });

  it('pages by SMS with a reply code; replying "1a" acknowledges as that person via SMS', async () => {
    const alice = t.world.people.alice;
    const number = '+14155550101';
    const sms = await t.phone(alice, 'sms', number);
    await t.rule(alice, sms, 0);
    const incident = await t.page(alice);

    const [msg] = await eventually('the SMS page', async () => (messagesTo(number).length ? messagesTo(number) : undefined));
    expect(msg!.from).toBe('+15005550006');
    expect(msg!.body).toMatch(new RegExp(`^Heinrich #${incident.number}: Reply 1a to ack, 1r to resolve, 1e to escalate\\. svc-\\w+: Disk full https://heinrich\\.example\\.com/incidents/${incident.number}$`));
    expect(msg!.body.length).toBeLessThanOrEqual(160);
    expect(msg!.statusCallback).toMatch(/^https:\/\/heinrich\.example\.com\/api\/v1\/twilio\/status\?delivery=[0-9a-f-]{36}$/);
    await eventually('the delivery recorded sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'sms' && d.status === 'sent' && d.providerId === msg!.sid));
    expect((await t.twilio.messageStatus(msg!, 'delivered')).status).toBe(204);
    expect((await t.deliveries(incident.id)).find((d) => d.channel === 'sms')!.status).toBe('delivered');

    const reply = await t.twilio.inboundSms(SMS_WEBHOOK, number, ' 1 A ');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`<Message>Incident ${incident.number} acknowledged. Disk full</Message>`);
    expect(await t.incidentStatus(incident.id)).toBe('acknowledged');
    const [ack] = await t.world.timeline(incident.id, ['acknowledged']);
    expect(ack!.message).toBe('Acknowledged by Alice via sms');

    const again = await t.twilio.inboundSms(SMS_WEBHOOK, number, 'ack 1');
    expect(again.text).toContain(`Incident ${incident.number} was already acknowledged.`);
    const resolve = await t.twilio.inboundSms(SMS_WEBHOOK, number, 'resolve 1');
    expect(resolve.text).toContain(`Incident ${incident.number} resolved.`);
    expect(await t.incidentStatus(incident.id)).toBe('resolved');
  });

  it('answers an unknown number, an unknown code and gibberish politely, changing nothing', async () => {
    const stranger = await t.twilio.inboundSms(SMS_WEBHOOK, '+14155550199', '1a');
    expect(stranger.status).toBe(200);
    expect(stranger.text).toContain('this number is not set up for paging');

    const bob = t.world.people.bob;
    const number = '+14155550102';
    await t.phone(bob, 'sms', number);
    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, '77a')).text).toContain('no incident has code 77 for you');
    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, 'hello?')).text).toContain('did not understand');
    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, 'HELP')).text).toContain('12a to acknowledge');
  });

  it('STOP disables the number\'s SMS method (no reply; it is not paged), START enables it again', async () => {
    const carol = t.world.people.carol;
    const number = '+14155550103';
    const sms = await t.phone(carol, 'sms', number);
    await t.rule(carol, sms, 0);
    const paged = await t.page(carol);
    await eventually('the SMS page', async () => messagesTo(number).length > 0);
    const stop = await t.twilio.inboundSms(SMS_WEBHOOK, number, 'STOP');
    expect(stop.status).toBe(200);
    expect(stop.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const list = async () => (await t.world.api.admin('GET', `/api/v1/users/${carol.id}/contact-methods`)).body.items.find((m: { id: string }) => m.id === sms);
    expect(await list()).toMatchObject({ disabled: true, disabledReason: 'replied STOP' });
    const [note] = await t.world.timeline(paged.id, ['contact_method_disabled']);
    expect(note!.message).toBe(`Carol's SMS number ${number} replied STOP: no more SMS pages to it until it replies START`);
    // a page now skips the opted-out number
    const log = await t.method(carol, 'log', 'carol-log');
    await t.rule(carol, log, 0);
    const incident = await t.page(carol);
    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    expect((await t.deliveries(incident.id)).map((d) => d.channel)).toEqual(['log']);
    expect(messagesTo(number).filter((m) => m.body.includes(`Heinrich #${incident.number}:`))).toHaveLength(0);

    const start = await t.twilio.inboundSms(SMS_WEBHOOK, number, 'start');
    expect(start.text).toContain('SMS pages to this number are on again');
    expect(await list()).toMatchObject({ disabled: false, disabledAt: null });
  });

  it('an invalid number (Twilio 21211) fails at once without retry; the next method goes now', async () => {
    const dave = t.world.people.dave;
    const number = '+14155550104';
    const sms = await t.phone(dave, 'sms', number);
    const log = await t.method(dave, 'log', 'dave-log');
    await t.rule(dave, sms, 0);
    await t.rule(dave, log, 5);
    t.twilio.fail(number, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const incident = await t.page(dave);

    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    const smsDelivery = (await t.deliveries(incident.id)).find((d) => d.channel === 'sms')!;
    expect(smsDelivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smsDelivery.error).toContain('21211');
    const [failed] = await t.world.timeline(incident.id, ['notification_failed']);
    expect(failed!.message).toMatch(/^SMS to Dave failed \(permanent failure: .*21211.*\); trying log now/);
  });

  it('an undelivered status callback fails the SMS and starts the next method; a repeat changes nothing', async () => {
    const lena = t.world.people.lena;
    const number = '+14155550105';
    const sms = await t.phone(lena, 'sms', number);
    const log = await t.method(lena, 'log', 'lena-log');
    await t.rule(lena, sms, 0);
    await t.rule(lena, log, 5);
    const incident = await t.page(lena);
    const [msg] = await eventually('the SMS page', async () => (messagesTo(number).length ? messagesTo(number) : undefined));
    await eventually('the SMS delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'sms' && d.status === 'sent'));

    expect((await t.twilio.messageStatus(msg!, 'sent')).status).toBe(204);
    expect((await t.twilio.messageStatus(msg!, 'undelivered', { ErrorCode: '30003', ErrorMessage: 'Unreachable destination handset' })).status).toBe(204);
    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    const smsDelivery = (await t.deliveries(incident.id)).find((d) => d.channel === 'sms')!;
    expect(smsDelivery.status).toBe('failed');
    expect(smsDelivery.error).toContain('30003');
    expect((await t.twilio.messageStatus(msg!, 'undelivered', { ErrorCode: '30003' })).status).toBe(204);
    expect(await t.world.timeline(incident.id, ['notification_failed'])).toHaveLength(1);
  });

  it('codes are per person and incident: a second open incident gets 2, "2e" escalates it; a code is reused an hour after its incident resolved', async () => {
    const db = t.world.api.db;
    const erin = await db.prisma.user.create({ data: { name: 'Erin', email: `erin-${Date.now()}@example.test` } });
    await db.prisma.teamMember.create({ data: { teamId: t.world.team.id, userId: erin.id, role: 'responder' } });
    const person = { id: erin.id, name: 'Erin' };
    const number = '+14155550107';
    await t.rule(person, await t.phone(person, 'sms', number), 0);
    const policyId = await t.world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: erin.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: t.world.people.bob.id }] },
    ]);
    const { key } = await t.world.service({ policyId });
    const codeOf = (n: number) => eventually(`the SMS of #${n}`, async () => /Reply (\d+)a/.exec(messagesTo(number).find((m) => m.body.includes(`Heinrich #${n}:`))?.body ?? '')?.[1]);
    const first = await t.world.trigger(key);
    expect(await codeOf(first.number)).toBe('1');
    const second = await t.world.trigger(key);
    expect(await codeOf(second.number)).toBe('2');

    const esc = await t.twilio.inboundSms(SMS_WEBHOOK, number, 'escalate 2');
    expect(esc.text).toContain(`Escalating incident ${second.number} to the next step.`);
    const [requested] = await t.world.timeline(second.id, ['escalation_requested']);
    expect(requested!.message).toBe('Escalation to the next step requested by Erin via sms');

    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, '1r')).text).toContain(`Incident ${first.number} resolved.`);
    const third = await t.world.trigger(key);
    expect(await codeOf(third.number)).toBe('3');
    // an hour later (resolved_at is Postgres' clock, which the test clock does not move)
    await db.pool.query(`UPDATE incidents SET resolved_at = resolved_at - interval '61 minutes' WHERE id = $1`, [first.id]);
    const fourth = await t.world.trigger(key);
    expect(await codeOf(fourth.number)).toBe('1');
    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, '1a')).text).toContain(`Incident ${fourth.number} acknowledged.`);
  });

  it('a missing or wrong X-Twilio-Signature is a 403 and changes nothing', async () => {
    const alice = t.world.people.alice;
    const number = (await t.world.api.db.pool.query<{ value: string }>(`SELECT value FROM contact_methods WHERE user_id = $1 AND type = 'sms'`, [alice.id])).rows[0]!.value;
    const incident = await t.page(alice);
    const code = await eventually('the SMS page', async () => /Reply (\d+)a/.exec(messagesTo(number).find((m) => m.body.includes(`Heinrich #${incident.number}:`))?.body ?? '')?.[1]);

    const missing = await t.twilio.inboundSms(SMS_WEBHOOK, number, `${code}a`, { signature: null });
    expect(missing.status).toBe(403);
    const wrong = await t.twilio.inboundSms(SMS_WEBHOOK, number, `${code}a`, { signature: 'bm90IHRoZSBzaWduYXR1cmU=' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.text).error.code).toBe('forbidden');
    // signed for another URL (the api behind a different PUBLIC_URL)
    const elsewhere = await t.twilio.post('https://other.example.com/api/v1/twilio/sms', { From: number, Body: `${code}a` });
    expect(elsewhere.status).toBe(403);
    expect(await t.incidentStatus(incident.id)).toBe('triggered');

    expect((await t.twilio.inboundSms(SMS_WEBHOOK, number, `${code}a`)).status).toBe(200);
    expect(await t.incidentStatus(incident.id)).toBe('acknowledged');
  });
});
