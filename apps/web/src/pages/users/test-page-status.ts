import type { DeliveryJson } from '@heinrich/contracts/contact-methods';

/** Twilio's error codes people meet, in plain words (the API keeps Twilio's own: "sms: Twilio 21211 invalid phone number (…)"). */
const TWILIO: Record<string, string> = {
  '21211': 'the phone number is not valid',
  '21217': 'the phone number is not valid',
  '21401': 'the phone number is not valid',
  '13224': 'the phone number is not valid',
  '21214': 'this number cannot be reached',
  '21219': "Heinrich's Twilio account is a trial account and may only send to numbers verified with Twilio",
  '21407': 'Twilio does not support this destination',
  '21408': "Heinrich's Twilio account may not send text messages to this country",
  '21215': "Heinrich's Twilio account may not call this country",
  '13227': "Heinrich's Twilio account may not call this country",
  '21601': 'this number cannot receive text messages',
  '21614': 'this number cannot receive text messages (a landline?)',
  '21610': 'this phone replied STOP, so nothing is sent to it until it replies START',
  '21612': "Heinrich's Twilio number cannot reach this number",
  '30003': 'the phone is switched off or out of coverage',
  '30004': 'the phone or its network blocks the message',
  '30005': 'this number does not exist',
  '30006': 'this number is a landline or cannot receive text messages',
  '30007': 'the phone network filtered the message as spam',
  '30008': 'the phone network could not deliver it',
};

/** A call's outcome as Twilio reports it ("no answer", "busy"). */
const CALL: [RegExp, string][] = [
  [/\bno[- ]answer\b/i, 'nobody answered the call'],
  [/\bbusy\b/i, 'the line was busy'],
  [/\bcanceled\b/i, 'the call was cancelled before it was answered'],
];

/**
 * Why a delivery failed, for the person who sent the test page: the provider's
 * error (as the delivery log keeps it) in plain words, else the provider's own.
 */
export function plainDeliveryFailure(error: string | null): string {
  if (!error) return 'the provider gave no reason';
  const twilio = /\bTwilio (\d{5})\b/.exec(error) ?? /^\s*(\d{5})\b/.exec(error);
  if (twilio && TWILIO[twilio[1]!]) return TWILIO[twilio[1]!]!;
  for (const [pattern, text] of CALL) if (pattern.test(error)) return text;
  const http = /answered (\d{3})\b/.exec(error);
  if (http) {
    const status = Number(http[1]);
    return status >= 500 ? `the webhook answered ${status}: an error on its side` : `the webhook refused it (it answered ${status})`;
  }
  if (/refused: /.test(error)) return 'Heinrich may not send to that address (a private or local network)';
  if (/timed? ?out|timeout/i.test(error)) return 'the receiver did not answer in time';
  if (/ECONNREFUSED/.test(error)) return 'nothing answered at that address';
  if (/ENOTFOUND|resolves to no address/.test(error)) return 'that host name does not exist';
  return `the provider said: ${error}`;
}

export type TestPageTone = 'pending' | 'ok' | 'bad';

/** What the person reads while their test page travels: queued → sent → delivered or failed. */
export function testPageStatus(d: DeliveryJson | null): { tone: TestPageTone; text: string } {
  if (!d || d.status === 'queued') return { tone: 'pending', text: 'Queued: it goes out in a moment.' };
  const phone = d.channel === 'sms' || d.channel === 'voice';
  switch (d.status) {
    case 'sending':
      return { tone: 'pending', text: 'Sending…' };
    case 'sent':
      if (d.channel === 'sms') return { tone: 'pending', text: 'Sent: Twilio took it; waiting for the phone network to confirm delivery.' };
      if (d.channel === 'voice') return { tone: 'pending', text: 'Calling: waiting for the call to be answered.' };
      if (d.channel === 'webhook') return { tone: 'ok', text: 'Sent: the webhook accepted it.' };
      if (d.channel === 'slack') return { tone: 'ok', text: 'Sent: Slack accepted the direct message.' };
      return { tone: 'ok', text: 'Sent: written to the log.' };
    case 'delivered':
      return { tone: 'ok', text: d.channel === 'voice' ? 'Delivered: the call was answered.' : phone ? 'Delivered to the phone.' : 'Delivered.' };
    case 'failed':
      return { tone: 'bad', text: `Failed: ${plainDeliveryFailure(d.error)}.` };
    case 'unavailable':
      return { tone: 'bad', text: 'Not sent: this Heinrich has no provider set up for this kind of contact method.' };
    case 'cancelled':
      return { tone: 'bad', text: 'Cancelled before it went out.' };
  }
  return { tone: 'pending', text: 'Queued: it goes out in a moment.' };
}
