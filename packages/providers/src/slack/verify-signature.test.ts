import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './verify-signature';

// Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack)
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const ts = '1531420618';
const at = new Date(Number(ts) * 1000);

describe('verifySlackSignature', () => {
  it("accepts Slack's documented example", () => {
    const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    expect(slackSignature(secret, ts, body)).toBe(signature);
    expect(verifySlackSignature({ signingSecret: secret, timestamp: ts, signature, rawBody: body, now: at })).toEqual({ ok: true });
  });

  it('rejects a changed body, a missing header and a stale timestamp, saying which', () => {
    const signature = slackSignature(secret, ts, body);
    expect(verifySlackSignature({ signingSecret: secret, timestamp: ts, signature, rawBody: `${body}x`, now: at })).toEqual({ ok: false, reason: 'X-Slack-Signature does not match' });
    expect(verifySlackSignature({ signingSecret: secret, timestamp: ts, signature: undefined, rawBody: body, now: at }).ok).toBe(false);
    const late = new Date(at.getTime() + 301_000);
    expect(verifySlackSignature({ signingSecret: secret, timestamp: ts, signature, rawBody: body, now: late })).toMatchObject({ ok: false, reason: expect.stringContaining('301 s from now') });
  });
});
