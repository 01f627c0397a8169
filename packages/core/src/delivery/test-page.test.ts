import { describe, expect, it } from 'vitest';
import { decideTestPage, testPageTitle } from './test-page';

const now = new Date('2026-12-07T10:00:00Z');
const webhook = { type: 'webhook' as const, verifiedAt: null, disabledAt: null };

describe('decideTestPage', () => {
  it('allows a usable method without a recent test', () => {
    expect(decideTestPage({ method: webhook, lastTestAt: null, now })).toEqual({ ok: true });
    expect(decideTestPage({ method: webhook, lastTestAt: new Date(now.getTime() - 60_000), now })).toEqual({ ok: true });
  });

  it('refuses a second test within the minute, saying how long to wait', () => {
    const d = decideTestPage({ method: webhook, lastTestAt: new Date(now.getTime() - 20_500), now });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error.code).toBe('rate_limited');
    expect(d.error.retryAfter).toBe(40);
    expect(d.error.message).toBe('A test page went to this contact method less than a minute ago; try again in 40 seconds');
  });

  it('refuses an unverified or opted-out number', () => {
    const sms = { type: 'sms' as const, verifiedAt: null, disabledAt: null };
    const unverified = decideTestPage({ method: sms, lastTestAt: null, now });
    expect(unverified.ok === false && unverified.error.message).toMatch(/not verified yet/);
    const stopped = decideTestPage({ method: { ...sms, verifiedAt: now, disabledAt: now }, lastTestAt: null, now });
    expect(stopped.ok === false && stopped.error.code).toBe('conflict');
  });

  it('says who sent it', () => {
    expect(testPageTitle('Alice', 'Alice')).toBe('Test page for Alice: this contact method works');
    expect(testPageTitle('Bob', 'Alice')).toBe('Test page for Alice, sent by Bob: this contact method works');
  });
});
