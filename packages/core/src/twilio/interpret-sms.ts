import { parseSmsReply, type SmsAction } from './parse-sms-reply';

export const SMS_HELP = 'Heinrich pages: reply with the code from the page and a letter, e.g. 12a to acknowledge, 12r to resolve, 12e to escalate. STOP ends SMS pages, START turns them on again.';
export const SMS_UNKNOWN_NUMBER = 'Heinrich: this number is not set up for paging, so replies from it do nothing. Please add it to your Heinrich profile first.';
export const SMS_OPTED_IN = 'Heinrich: SMS pages to this number are on again.';

/** What an inbound SMS asks for; `reply: undefined` sends no reply (an empty `<Response/>`). */
export type SmsCommand =
  | { kind: 'reply'; reply: string | undefined }
  /** STOP: disable the number's sms methods; Twilio confirms the opt-out itself, so no reply */
  | { kind: 'opt_out' }
  /** START: enable them again */
  | { kind: 'opt_in'; reply: string }
  /** act as the sender on the incident their reply code was given for */
  | { kind: 'act'; code: number; action: SmsAction };

/**
 * An inbound SMS from a number some user has (`known`) or none has: a number
 * no user has gets a polite note (nothing for STOP); HELP and anything not
 * understood get the help text; STOP/START change the opt-out; a reply code
 * with a letter acts on an incident. Pure.
 */
export function interpretSms(body: string, known: boolean): SmsCommand {
  const reply = parseSmsReply(body);
  if (!known) return { kind: 'reply', reply: reply.kind === 'stop' ? undefined : SMS_UNKNOWN_NUMBER };
  switch (reply.kind) {
    case 'stop':
      return { kind: 'opt_out' };
    case 'start':
      return { kind: 'opt_in', reply: SMS_OPTED_IN };
    case 'help':
      return { kind: 'reply', reply: SMS_HELP };
    case 'unknown':
      return { kind: 'reply', reply: `Sorry, Heinrich did not understand "${body.trim().slice(0, 40)}". ${SMS_HELP}` };
    case 'action':
      return { kind: 'act', code: Number(reply.code), action: reply.action };
  }
}

/** The reply when no incident has the code for any user of the number. */
export function smsNoIncidentReply(code: number): string {
  return `Heinrich: no incident has code ${code} for you. ${SMS_HELP}`;
}

/** The reply to an action: what happened, and (when it worked) which incident, its title cut to 60 characters. */
export function smsActionReply(result: { ok: boolean; text: string }, title: string): string {
  return result.ok ? `${result.text} ${truncate(title, 60)}` : result.text;
}

/** The timeline sentence of an opt-out, on each open incident the user was paged about by SMS. */
export function smsOptOutSentence(userName: string | undefined, number: string): string {
  return `${userName ?? 'Someone'}'s SMS number ${number} replied STOP: no more SMS pages to it until it replies START`;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}
