import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack rejects replays older than this; so do we. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

export type SlackSignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Slack's request signing (v0): `v0=` + hex HMAC-SHA256 over
 * `v0:<X-Slack-Request-Timestamp>:<raw body>` with the app's signing secret,
 * compared in constant time; the timestamp must be within 5 minutes of now.
 * `rawBody` must be the bytes as received (before any form/JSON parsing).
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | string;
  now: Date;
}): SlackSignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing X-Slack-Request-Timestamp or X-Slack-Signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time' };
  const skew = Math.abs(Math.floor(input.now.getTime() / 1000) - Number(timestamp));
  if (skew > SLACK_MAX_SKEW_SECONDS) return { ok: false, reason: `X-Slack-Request-Timestamp is ${skew} s from now (at most ${SLACK_MAX_SKEW_SECONDS} s)` };
  const expected = slackSignature(input.signingSecret, timestamp, input.rawBody);
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'X-Slack-Signature does not match' };
  return { ok: true };
}

/** The signature Slack sends for this body at this timestamp (tests sign with it, like Slack does). */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * verifySlackSignature bound to the app's signing secret (the api's, built in its
 * main.ts); undefined without one. Given the accepted secrets as a function
 * (SLACK_SIGNING_SECRET_FILE: the current one and, during the rotation grace,
 * the previous one), a request signed with any of them passes.
 */
export function slackSignatureCheck(
  signingSecret: string | undefined | (() => string[]),
): ((request: Omit<Parameters<typeof verifySlackSignature>[0], 'signingSecret'>) => SlackSignatureCheck) | undefined {
  if (typeof signingSecret === 'function') {
    if (signingSecret().length === 0) return undefined;
    return (request) => {
      let check: SlackSignatureCheck = { ok: false, reason: 'no signing secret' };
      for (const secret of signingSecret()) {
        check = verifySlackSignature({ ...request, signingSecret: secret });
        if (check.ok) return check;
      }
      return check;
    };
  }
  return signingSecret ? (request) => verifySlackSignature({ ...request, signingSecret }) : undefined;
}
