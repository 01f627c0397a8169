export type SmsAction = 'acknowledge' | 'resolve' | 'escalate';

export type SmsReply =
  | { kind: 'action'; code: string; action: SmsAction }
  /** an opt-out keyword: Twilio stops delivering to the number, so we stop paging it */
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'unknown' };

// Twilio's default opt-out/opt-in/help keywords (PROTOCOLS.md 3.7): only a body
// that is exactly the keyword counts, case-insensitively
const STOP = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
const START = new Set(['start', 'yes', 'unstop']);
const HELP = new Set(['help', 'info']);

const ACTION_WORDS: Record<string, SmsAction> = {
  a: 'acknowledge',
  ack: 'acknowledge',
  acknowledge: 'acknowledge',
  r: 'resolve',
  res: 'resolve',
  resolve: 'resolve',
  e: 'escalate',
  esc: 'escalate',
  escalate: 'escalate',
};
const WORD = Object.keys(ACTION_WORDS).sort((x, y) => y.length - x.length).join('|');
const CODE_FIRST = new RegExp(`^#?(\\d{1,4})\\s*(${WORD})$`);
const WORD_FIRST = new RegExp(`^(${WORD})\\s*#?(\\d{1,4})$`);

/**
 * An inbound SMS, read tolerantly: `12a`, `12 A`, `12ack`, `ack 12`,
 * `resolve 12`, `12r`, `E12`, `escalate #12`, in any case, with surrounding
 * spaces and trailing punctuation; and the STOP/START/HELP keywords.
 */
export function parseSmsReply(body: string): SmsReply {
  const text = body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .trim();
  if (STOP.has(text)) return { kind: 'stop' };
  if (START.has(text)) return { kind: 'start' };
  if (HELP.has(text)) return { kind: 'help' };
  const codeFirst = CODE_FIRST.exec(text);
  if (codeFirst) return { kind: 'action', code: String(Number(codeFirst[1])), action: ACTION_WORDS[codeFirst[2]!]! };
  const wordFirst = WORD_FIRST.exec(text);
  if (wordFirst) return { kind: 'action', code: String(Number(wordFirst[2])), action: ACTION_WORDS[wordFirst[1]!]! };
  return { kind: 'unknown' };
}
