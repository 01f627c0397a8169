import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { checkWebhookHost } from './webhook-address';

/** The channels a person can be reached on (prisma ContactMethod.type). */
export const CONTACT_METHOD_TYPES = ['sms', 'voice', 'slack', 'webhook', 'log'] as const;
export type ContactMethodType = (typeof CONTACT_METHOD_TYPES)[number];

export type ContactValueCheck = { ok: true; value: string } | { ok: false; message: string };

/** Hosts a plain-http webhook may use: only this machine (a local receiver, a test fake). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A contact method's value as stored, or why it is not one:
 * - sms, voice: an E.164 number (`+4915112345678`), valid for its country per
 *   libphonenumber-js; stored in E.164 form (spaces and dashes dropped).
 * - webhook: an absolute https URL, or http to a loopback host (127.0.0.1, [::1],
 *   localhost) for receivers on the same machine; no credentials in the URL (the
 *   signature authenticates us, and URLs end up in logs); never to link-local
 *   or cloud metadata addresses, and to loopback and private addresses only
 *   when `allowPrivateWebhooks` (webhook-address.ts; a host name is checked
 *   again, resolved, when the page is sent).
 * - slack: a Slack member id (U… / W…), which the Slack issue resolves to a DM.
 * - log: a free label (1-200 characters); the page goes to the log and the timeline.
 */
export function checkContactValue(type: ContactMethodType, raw: string, opts: { allowPrivateWebhooks?: boolean } = {}): ContactValueCheck {
  const value = raw.trim();
  switch (type) {
    case 'sms':
    case 'voice': {
      if (!value.startsWith('+')) return { ok: false, message: `must be an E.164 phone number starting with + and the country code, such as +4915112345678` };
      const phone = parsePhoneNumberFromString(value);
      if (!phone || !phone.isValid()) return { ok: false, message: `is not a valid phone number (${value})` };
      return { ok: true, value: phone.number };
    }
    case 'webhook': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return { ok: false, message: 'must be an absolute URL such as https://hooks.example.com/heinrich' };
      }
      if (url.username || url.password) return { ok: false, message: 'must not carry credentials (the request is signed with X-Heinrich-Signature instead)' };
      const host = checkWebhookHost(url.hostname, opts.allowPrivateWebhooks ?? false);
      if (!host.ok) return { ok: false, message: `must not point at an internal address: ${host.reason}` };
      if (url.protocol === 'https:') return { ok: true, value: url.toString() };
      if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, value: url.toString() };
      return { ok: false, message: 'must be an https URL (plain http only to 127.0.0.1, [::1] or localhost)' };
    }
    case 'slack':
      return /^[UW][A-Z0-9]{2,20}$/.test(value) ? { ok: true, value } : { ok: false, message: 'must be a Slack member id such as U024BE7LH' };
    case 'log':
      return value.length >= 1 && value.length <= 200 ? { ok: true, value } : { ok: false, message: 'must be a label of 1 to 200 characters' };
  }
}

/** Phone channels page only once verified (the Twilio issue adds the flow); the others need no code. */
export function needsVerification(type: ContactMethodType): boolean {
  return type === 'sms' || type === 'voice';
}
