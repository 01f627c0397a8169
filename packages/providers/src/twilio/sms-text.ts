/** The GSM 03.38 basic set: one septet each. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: two septets each (escape + char). */
const GSM_EXTENDED = '^{}\\[~]|€\f';
const GSM_SET = new Set([...GSM_BASIC, ...GSM_EXTENDED]);

/** One SMS segment of GSM-7 text. */
export const GSM7_SEGMENT = 160;

/** Septets this text takes in GSM-7, or null when it cannot be GSM-7 (then it is UCS-2: 70 per segment). */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (!GSM_SET.has(ch)) return null;
    n += GSM_EXTENDED.includes(ch) ? 2 : 1;
  }
  return n;
}

const LOOKALIKES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '“': '"', '”': '"', '„': '"', '–': '-', '—': '-', '…': '...', '\u00a0': ' ', '\t': ' ', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd' };

/** C0 and C1 control characters (form feed, escape, NEL, ...): never part of a page's text. */
const CONTROL = /\p{Cc}/gu;

/**
 * Text as GSM-7 on one line: control characters (`\f`, `\x1b`, line breaks)
 * become spaces, typographic quotes and dashes ASCII, accents the set lacks
 * are dropped (ñ and é stay, ł becomes l where NFKD allows), anything else
 * (emoji, CJK, bidi overrides) is removed, and runs of spaces collapse. One
 * non-GSM character would make the whole message UCS-2 and cut a segment from
 * 160 to 70 characters.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text.replace(CONTROL, ' ')) {
    if (GSM_SET.has(ch)) {
      out += ch;
      continue;
    }
    const mapped = LOOKALIKES[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...base].filter((c) => GSM_SET.has(c)).join('');
  }
  return out.replace(/ +/g, ' ').trim();
}

export interface SmsPage {
  serviceName: string;
  title: string;
  incidentNumber: number;
  /** alerts grouped into the incident; shown when more than one */
  alertCount?: number;
  url: string;
  /** the recipient's short code for this incident (`12` -> "Reply 12a to ack") */
  replyCode?: string;
}

/**
 * The page as one GSM-7 segment when possible, Heinrich's own words first:
 * "Heinrich #42: Reply 12a to ack, 12r to resolve, 12e to escalate. checkout:
 * Disk full on db-1 (3 alerts) https://.../incidents/42". The prefix and
 * reply codes open the message, where no title can put its own: a title that
 * says "Reply 7r to resolve" can only come after them, and a control
 * character can't start a line of its own (it is a space); service and title
 * are shortened (with "...") to make room; the prefix, codes and link are
 * never cut. A very long public URL can still need a second segment; Twilio
 * joins them.
 */
export function smsText(p: SmsPage): string {
  const count = p.alertCount && p.alertCount > 1 ? ` (${p.alertCount} alerts)` : '';
  const reply = p.replyCode ? ` Reply ${p.replyCode}a to ack, ${p.replyCode}r to resolve, ${p.replyCode}e to escalate.` : '';
  const head = `Heinrich #${p.incidentNumber}:${reply}`;
  const tail = `${count} ${toGsm7(p.url)}`;
  let service = toGsm7(p.serviceName) || 'service';
  let title = toGsm7(p.title) || 'Incident';
  const text = () => `${head} ${service}: ${title}${tail}`;
  const fits = () => (gsm7Length(text()) ?? Infinity) <= GSM7_SEGMENT;
  if (!fits()) service = shorten(service, 20);
  while (!fits() && title.length > 12) title = shorten(title, title.length - 4);
  return text();
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 3)).trimEnd()}...`;
}

/** The text of a verification SMS. */
export function verificationSmsText(code: string): string {
  return `Your Heinrich verification code is ${code}. It expires in 10 minutes. If you did not ask for it, ignore this message.`;
}
