import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from './verify-webhook-signature';
import { webhookSignature } from './webhook-sender';

const now = new Date('2026-12-07T10:00:00Z');
const body = '{"type":"incident.page"}';

describe('verifyWebhookSignature', () => {
  it('accepts what webhookSender signs, within 5 minutes either way', () => {
    expect(verifyWebhookSignature('whsec_a', webhookSignature('whsec_a', body, now), body, now)).toEqual({ ok: true });
    expect(verifyWebhookSignature('whsec_a', webhookSignature('whsec_a', body, new Date(now.getTime() - 300_000)), body, now)).toEqual({ ok: true });
  });
  it('refuses another secret, another body, an old timestamp and a missing header', () => {
    expect(verifyWebhookSignature('whsec_b', webhookSignature('whsec_a', body, now), body, now)).toMatchObject({ ok: false, reason: 'X-Heinrich-Signature does not match' });
    expect(verifyWebhookSignature('whsec_a', webhookSignature('whsec_a', body, now), `${body} `, now)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature('whsec_a', webhookSignature('whsec_a', body, new Date(now.getTime() - 301_000)), body, now)).toMatchObject({ ok: false, reason: expect.stringContaining('5 minutes') });
    expect(verifyWebhookSignature('whsec_a', undefined, body, now)).toMatchObject({ ok: false, reason: expect.stringContaining('missing') });
  });
});
