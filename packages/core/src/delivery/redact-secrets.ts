import { MASK, maskEmail, maskPhone } from './mask-contact-value';

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const PHONE = /\+\d(?:[\d ().-]{5,20})\d/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const KNOWN_TOKENS = /\b(xox[a-z]|whsec|hka|sk|pk|ghp|gho|AKIA)[-_][A-Za-z0-9_-]{6,}/g;
const SECRET_PAIR = /\b(token|access_token|secret|password|passwd|pwd|api[_-]?key|apikey|key|signature|sig|auth|authorization|code|credential)s?(["']?\s*=\s*["']?|["']\s*:\s*["'])([^\s&"',;]+)/gi;
const LONG_RANDOM = /\b[A-Za-z0-9_-]{32,}\b/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A provider's error text as it may be stored and shown to anyone who reads
 * the delivery log or the timeline: URLs cut to scheme and host (no
 * credentials, path, query or fragment), phone numbers and emails masked,
 * bearer/basic credentials, known token shapes (xoxb-, whsec_, hka_...),
 * `token=...`-like pairs and long random strings replaced by •••. Bounded to
 * 500 characters. Applying it twice changes nothing more. Pure.
 */
export function redactSecrets(text: string): string {
  let out = text.replace(URL_IN_TEXT, (raw) => {
    const trail = /[.,;:)\]}!?]+$/.exec(raw)?.[0] ?? '';
    const url = raw.slice(0, raw.length - trail.length);
    try {
      const u = new URL(url);
      return `${u.protocol}//${u.host || MASK}${trail}`;
    } catch {
      return `${MASK}${trail}`;
    }
  });
  out = out.replace(EMAIL, (m) => maskEmail(m));
  out = out.replace(PHONE, (m) => maskPhone(m));
  out = out.replace(BEARER, (_m, kind: string) => `${kind} ${MASK}`);
  out = out.replace(KNOWN_TOKENS, (_m, prefix: string) => `${prefix}${MASK}`);
  out = out.replace(SECRET_PAIR, (m, name: string, sep: string, value: string) => (value === MASK ? m : `${name}${sep}${MASK}`));
  out = out.replace(LONG_RANDOM, (m) => (UUID.test(m) || !/\d/.test(m) || !/[A-Za-z]/.test(m) ? m : MASK));
  return out.length > 500 ? `${out.slice(0, 497)}...` : out;
}
