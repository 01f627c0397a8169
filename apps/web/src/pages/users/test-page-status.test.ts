import type { DeliveryJson } from '@heinrich/contracts/contact-methods';
import { describe, expect, it } from 'vitest';
import { plainDeliveryFailure, testPageStatus } from './test-page-status';

const delivery = (channel: string, status: DeliveryJson['status'], error: string | null = null) => ({ channel, status, error }) as DeliveryJson;

describe('testPageStatus', () => {
  it('follows a page: queued, sent, delivered', () => {
    expect(testPageStatus(null)).toEqual({ tone: 'pending', text: 'Queued: it goes out in a moment.' });
    expect(testPageStatus(delivery('sms', 'sent')).text).toMatch(/^Sent: Twilio took it/);
    expect(testPageStatus(delivery('sms', 'delivered'))).toEqual({ tone: 'ok', text: 'Delivered to the phone.' });
    expect(testPageStatus(delivery('webhook', 'sent')).tone).toBe('ok');
  });

  it('says why a page failed in plain words', () => {
    expect(testPageStatus(delivery('sms', 'failed', "sms: Twilio 21211 invalid phone number (The 'To' number is not valid)")).text).toBe('Failed: the phone number is not valid.');
    expect(plainDeliveryFailure('30003 unreachable handset')).toBe('the phone is switched off or out of coverage');
    expect(plainDeliveryFailure('no answer')).toBe('nobody answered the call');
    expect(plainDeliveryFailure('webhook to hooks.example.com answered 503')).toBe('the webhook answered 503: an error on its side');
    expect(plainDeliveryFailure('webhook to hooks.example.com answered 404')).toBe('the webhook refused it (it answered 404)');
    expect(plainDeliveryFailure('something odd')).toBe('the provider said: something odd');
  });
});
