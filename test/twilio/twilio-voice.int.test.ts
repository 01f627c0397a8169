// Paging by phone call through the real twilio client and the fake Twilio:
// Twilio fetches the call's TwiML from Heinrich (signed), a key pressed in the
// Gather acknowledges (or resolves) as the person via voice, and a call that
// reached nobody (completed without a keypress, no answer, busy) starts the
// next contact method at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import type { FakeCall } from './fake-twilio';
import { startTwilioWorld, type TwilioWorld } from './twilio-world';

let t: TwilioWorld;

beforeAll(async () => {
  t = await startTwilioWorld();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** `p` with a verified voice number called at once and a log method 5 minutes later; an incident paging them, and its call */
async function called(p: Person, number: string): Promise<{ incident: { id: string; number: number }; call: FakeCall }> {
  const voice = await t.phone(p, 'voice', number);
  const log = await t.method(p, 'log', `${p.name}-log`);
  await t.rule(p, voice, 0);
  await t.rule(p, log, 5);
  const incident = await t.page(p);
  const call = await eventually('the call', async () => t.twilio.calls.find((c) => c.to === number && c.url));
  await eventually('the voice delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'voice' && d.status === 'sent' && d.providerId === call.sid));
  return { incident, call };
}

describe('voice pages', () => {
  it('calls with TwiML fetched from Heinrich; pressing 4 acknowledges via voice and is confirmed by voice; the completed call starts nothing', async () => {
    const alice = t.world.people.alice;
    const { incident, call } = await called(alice, '+14155550201');
    expect(call.from).toBe('+15005550006');
    expect(call.url).toMatch(/^https:\/\/heinrich\.example\.com\/api\/v1\/twilio\/voice\?delivery=[0-9a-f-]{36}$/);
    expect(call.statusCallbackEvent).toEqual(['ringing', 'answered', 'completed']);

    const answered = await t.twilio.answer(call);
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('<Gather input="dtmf" numDigits="1"');
    expect(answered.text).toContain(`Heinrich alert. Incident ${incident.number}, on svc `);
    expect(answered.text).toContain('Disk full. Press 4 to acknowledge, 6 to resolve, 5 to escalate, or star to repeat.');

    const repeat = await t.twilio.press(call, answered.text, '*');
    expect(repeat.text).toContain('<Gather');
    const pressed = await t.twilio.press(call, repeat.text, '4');
    expect(pressed.text).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>Incident ${incident.number} acknowledged. Goodbye.</Say><Hangup/></Response>`);
    expect(await t.incidentStatus(incident.id)).toBe('acknowledged');
    const [ack] = await t.world.timeline(incident.id, ['acknowledged']);
    expect(ack!.message).toBe('Acknowledged by Alice via voice');

    expect((await t.twilio.callStatus(call, 'completed', { CallDuration: '21' })).status).toBe(204);
    const voice = (await t.deliveries(incident.id)).find((d) => d.channel === 'voice')!;
    expect(voice.status).toBe('delivered');
    expect(await t.world.timeline(incident.id, ['notification_failed'])).toHaveLength(0);
  });

  it('a call completed without a keypress (voicemail) fails the delivery and the next method goes now', async () => {
    const bob = t.world.people.bob;
    const { incident, call } = await called(bob, '+14155550202');
    expect((await t.twilio.callStatus(call, 'ringing')).status).toBe(204);
    expect((await t.twilio.answer(call)).status).toBe(200);
    expect((await t.twilio.callStatus(call, 'completed', { CallDuration: '35' })).status).toBe(204);

    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    expect((await t.deliveries(incident.id)).find((d) => d.channel === 'voice')).toMatchObject({ status: 'failed', error: 'the call ended without a keypress (voicemail or hung up)' });
    const [failed] = await t.world.timeline(incident.id, ['notification_failed']);
    expect(failed!.message).toMatch(/ to Bob failed \(provider reported: the call ended without a keypress \(voicemail or hung up\)\); trying log now/);
    expect(await t.incidentStatus(incident.id)).toBe('triggered');
  });

  it('no answer starts the next method at once', async () => {
    const carol = t.world.people.carol;
    const { incident, call } = await called(carol, '+14155550203');
    expect((await t.twilio.callStatus(call, 'no-answer')).status).toBe(204);
    await eventually('the log delivery sent', async () => (await t.deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    expect((await t.deliveries(incident.id)).find((d) => d.channel === 'voice')).toMatchObject({ status: 'failed', error: 'no answer' });
  });

  it('pressing 6 resolves; an unknown key says so and repeats the menu', async () => {
    const dave = t.world.people.dave;
    const { incident, call } = await called(dave, '+14155550204');
    const answered = await t.twilio.answer(call);
    const wrong = await t.twilio.press(call, answered.text, '9');
    expect(wrong.text).toContain('<Say>Sorry, that key does nothing.</Say>');
    const pressed = await t.twilio.press(call, wrong.text, '6');
    expect(pressed.text).toContain(`Incident ${incident.number} resolved. Goodbye.`);
    expect(await t.incidentStatus(incident.id)).toBe('resolved');
  });

  it('a voice webhook with a wrong signature is a 403 and acknowledges nothing', async () => {
    const lena = t.world.people.lena;
    const { incident, call } = await called(lena, '+14155550205');
    const answered = await t.twilio.answer(call);
    const action = /action="([^"]+)"/.exec(answered.text)![1]!.replaceAll('&amp;', '&');
    const forged = await t.twilio.post(action, { CallSid: call.sid, Digits: '4' }, { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(forged.status).toBe(403);
    const unsigned = await t.twilio.post(action, { CallSid: call.sid, Digits: '4' }, { signature: null });
    expect(unsigned.status).toBe(403);
    expect(await t.incidentStatus(incident.id)).toBe('triggered');
    expect((await t.deliveries(incident.id)).find((d) => d.channel === 'voice')!.status).toBe('sent');
  });
});
