import twilio from 'twilio';

/** Longest spoken summary, in characters (about 15 s of speech). */
export const MAX_SPOKEN = 220;

/**
 * Text as a speech engine should read it: links dropped, separators
 * (`db-1_prod/eu`) spoken as spaces, symbols that are read out literally or
 * garble the voice removed, bounded at a word boundary.
 */
export function cleanForSpeech(text: string, max = MAX_SPOKEN): string {
  let t = text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/[_/\\|=~^`*#<>{}[\]"]+/g, ' ')
    .replace(/(\w)-(\w)/g, '$1 $2')
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent')
    .replace(/[^\p{L}\p{N} .,:;!?'()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length > max) {
    const cut = t.slice(0, max);
    t = `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).trim()}`;
  }
  return t;
}

export interface CallSummary {
  serviceName: string;
  title: string;
  incidentNumber: number;
  alertCount?: number;
  status: string;
}

/** What the call says, once. */
export function spokenSummary(s: CallSummary): string {
  const count = s.alertCount && s.alertCount > 1 ? ` with ${s.alertCount} alerts` : '';
  const status = s.status === 'triggered' ? '' : ` It is ${s.status}.`;
  return `Heinrich alert. Incident ${s.incidentNumber}${count}, on ${cleanForSpeech(s.serviceName, 60)}: ${cleanForSpeech(s.title)}.${status}`;
}

const MENU = 'Press 4 to acknowledge, 6 to resolve, 5 to escalate, or star to repeat.';

/**
 * The call: the summary and the menu, said twice inside a one-digit
 * `<Gather>` that posts the key to `gatherUrl`; no key: goodbye (the status
 * callback then reports a completed call without a keypress).
 */
export function callTwiml(s: CallSummary, gatherUrl: string, prefix?: string): string {
  const r = new twilio.twiml.VoiceResponse();
  const g = r.gather({ input: ['dtmf'], numDigits: 1, timeout: 8, action: gatherUrl, method: 'POST', finishOnKey: '' });
  if (prefix) g.say(prefix);
  g.say({ loop: 2 }, `${spokenSummary(s)} ${MENU}`);
  r.say('No key was pressed. Goodbye.');
  r.hangup();
  return r.toString();
}

/** The confirmation of a keypress, spoken, then hang up. */
export function sayAndHangUp(text: string): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(text);
  r.hangup();
  return r.toString();
}

/** A verification call: the code digit by digit, three times. */
export function verificationCallTwiml(code: string): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say({ loop: 3 }, `Your Heinrich verification code is ${[...code].join(', ')}.`);
  r.hangup();
  return r.toString();
}

/** An SMS reply: one message, or none (`<Response/>`). */
export function messageTwiml(text?: string): string {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
}
