import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryAfterMs, webhookSignature } from './webhook-sender';

describe('webhookSignature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const at = new Date('2026-11-28T21:00:00.900Z');
    const t = Math.floor(at.getTime() / 1000);
    const expected = createHmac('sha256', 'whsec_x').update(`${t}.{"a":1}`).digest('hex');
    expect(webhookSignature('whsec_x', '{"a":1}', at)).toBe(`t=${t},v1=${expected}`);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-28T21:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sat, 28 Nov 2026 21:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sat, 28 Nov 2026 20:59:00 GMT', now)).toBe(0);
  });
  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
