import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretSms, SMS_HELP, SMS_OPTED_IN, SMS_UNKNOWN_NUMBER, smsActionReply, smsNoIncidentReply, smsOptOutSentence, type SmsCommand } from './interpret-sms';

describe('interpretSms', () => {
  const cases: { body: string; known: boolean; command: SmsCommand }[] = [
    { body: '12a', known: true, command: { kind: 'act', code: 12, action: 'acknowledge' } },
    { body: 'resolve #007', known: true, command: { kind: 'act', code: 7, action: 'resolve' } },
    { body: 'E12', known: true, command: { kind: 'act', code: 12, action: 'escalate' } },
    { body: 'STOP', known: true, command: { kind: 'opt_out' } },
    { body: 'start', known: true, command: { kind: 'opt_in', reply: SMS_OPTED_IN } },
    { body: 'help', known: true, command: { kind: 'reply', reply: SMS_HELP } },
    { body: '  what is this  ', known: true, command: { kind: 'reply', reply: `Sorry, Heinrich did not understand "what is this". ${SMS_HELP}` } },
    { body: '12a', known: false, command: { kind: 'reply', reply: SMS_UNKNOWN_NUMBER } },
    { body: 'help', known: false, command: { kind: 'reply', reply: SMS_UNKNOWN_NUMBER } },
    { body: 'stop', known: false, command: { kind: 'reply', reply: undefined } },
  ];
  it.each(cases)('$body from a known number: $known', ({ body, known, command }) => {
    expect(interpretSms(body, known)).toEqual(command);
  });

  it('an unknown body is quoted cut to 40 characters', () => {
    const body = 'x'.repeat(50);
    expect(interpretSms(body, true)).toEqual({ kind: 'reply', reply: `Sorry, Heinrich did not understand "${'x'.repeat(40)}". ${SMS_HELP}` });
  });

  it('property: a number no user has never acts, and gets the note unless it said STOP', () => {
    fc.assert(
      fc.property(fc.string(), (body) => {
        const c = interpretSms(body, false);
        expect(c.kind).toBe('reply');
        if (c.kind === 'reply' && c.reply === undefined) expect(interpretSms(body, true)).toEqual({ kind: 'opt_out' });
      }),
    );
  });

  it('property: every reply to a known number that is not an action or opt-in includes the help text', () => {
    fc.assert(
      fc.property(fc.string(), (body) => {
        const c = interpretSms(body, true);
        if (c.kind === 'reply') expect(c.reply).toContain(SMS_HELP);
      }),
    );
  });
});

describe('sms sentences', () => {
  it.each([
    [{ ok: true, text: 'Incident 12 acknowledged.' }, 'Disk full on db-1', 'Incident 12 acknowledged. Disk full on db-1'],
    [{ ok: true, text: 'Incident 12 acknowledged.' }, 'y'.repeat(70), `Incident 12 acknowledged. ${'y'.repeat(57)}...`],
    [{ ok: false, text: 'Incident 12 is resolved.' }, 'Disk full', 'Incident 12 is resolved.'],
  ])('smsActionReply(%j, %s)', (result, title, reply) => {
    expect(smsActionReply(result, title)).toBe(reply);
  });

  it('no incident with the code', () => {
    expect(smsNoIncidentReply(12)).toBe(`Heinrich: no incident has code 12 for you. ${SMS_HELP}`);
  });

  it('opt-out sentence, with and without a name', () => {
    expect(smsOptOutSentence('Alice', '+4915100000')).toBe("Alice's SMS number +4915100000 replied STOP: no more SMS pages to it until it replies START");
    expect(smsOptOutSentence(undefined, '+4915100000')).toBe("Someone's SMS number +4915100000 replied STOP: no more SMS pages to it until it replies START");
  });
});
