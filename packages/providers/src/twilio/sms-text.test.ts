import { describe, expect, it } from 'vitest';
import { gsm7Length, smsText, toGsm7 } from './sms-text';

describe('smsText', () => {
  it('fits service, title, count, link and reply codes in one GSM-7 segment', () => {
    const text = smsText({ serviceName: 'checkout', title: 'Disk full on db-1', incidentNumber: 42, alertCount: 3, url: 'https://heinrich.example.com/incidents/42', replyCode: '12' });
    expect(text).toBe('checkout: Disk full on db-1 (#42, 3 alerts) https://heinrich.example.com/incidents/42 Reply 12a to ack, 12r to resolve, 12e to escalate');
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
  });

  it('shortens a long title, never the link or the codes', () => {
    const text = smsText({ serviceName: 'payments-gateway-europe-west', title: 'x'.repeat(300), incidentNumber: 7, url: 'https://heinrich.example.com/incidents/7', replyCode: '3' });
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(text).toContain('...');
    expect(text).toContain('https://heinrich.example.com/incidents/7 Reply 3a to ack, 3r to resolve, 3e to escalate');
  });

  it('keeps the text GSM-7: emoji dropped, typographic quotes made plain', () => {
    const text = smsText({ serviceName: 'api', title: '🔥 “Latency” — p99 > 2s', incidentNumber: 1, url: 'https://h.example/incidents/1', replyCode: '1' });
    expect(gsm7Length(text)).not.toBeNull();
    expect(text).toContain('"Latency" - p99 > 2s');
  });

  it('shows no count for a single alert', () => {
    expect(smsText({ serviceName: 's', title: 't', incidentNumber: 5, alertCount: 1, url: 'u' })).toBe('s: t (#5) u');
  });
});

describe('gsm7', () => {
  it('counts extension characters twice and refuses non-GSM text', () => {
    expect(gsm7Length('a[b]')).toBe(6);
    expect(gsm7Length('日本')).toBeNull();
    expect(toGsm7('Łódź ñ')).toBe('Lodz ñ');
  });
});
