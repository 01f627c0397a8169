import { timingSafeEqual } from 'node:crypto';
import { webhookSignature } from './webhook-sender';

/** How far a signature's `t` may be from now, either way (as Slack's v0 check). */
const TOLERANCE_SECONDS = 300;

/**
 * Checks an `X-Heinrich-Signature` (`t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`, webhook-sender.ts) over the raw body: the HMAC must match
 * (compared in constant time) and `t` be within 5 minutes of `now`. The reason
 * names what was wrong, never the secret.
 */
export function verifyWebhookSignature(secret: string, header: string | undefined, rawBody: string, now: Date): { ok: true } | { ok: false; reason: string } {
  const match = header ? /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim()) : null;
  if (!match) return { ok: false, reason: 'missing or malformed X-Heinrich-Signature' };
  const t = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - t) > TOLERANCE_SECONDS) return { ok: false, reason: 'X-Heinrich-Signature timestamp is more than 5 minutes away' };
  const expected = Buffer.from(webhookSignature(secret, rawBody, new Date(t * 1000)).split('v1=')[1]!, 'hex');
  const given = Buffer.from(match[2]!, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'X-Heinrich-Signature does not match' };
}
