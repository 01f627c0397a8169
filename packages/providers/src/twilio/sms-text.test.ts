import { describe, expect, it } from 'vitest';
import { gsm7Length, smsText, toGsm7 } from './sms-text';

describe('smsText', () => {
  it('opens with Heinrich, the incident and the reply codes, then service, title, count and link, in one GSM-7 segment', () => {
    const text = smsText({ serviceName: 'checkout', title: 'Disk full on db-1', incidentNumber: 42, alertCount: 3, url: 'https://heinrich.example.com/incidents/42', replyCode: '12' });
    expect(text).toBe('Heinrich #42: Reply 12a to ack, 12r to resolve, 12e to escalate. checkout: Disk full on db-1 (3 alerts) https://heinrich.example.com/incidents/42');
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
  });

  it('shortens a long service and title, never the prefix, the codes or the link', () => {
    const text = smsText({ serviceName: 'payments-gateway-europe-west', title: 'x'.repeat(300), incidentNumber: 7, url: 'https://heinrich.example.com/incidents/7', replyCode: '3' });
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^Heinrich #7: Reply 3a to ack, 3r to resolve, 3e to escalate\. payments-gateway-\.\.\.: x+\.\.\. https:\/\/heinrich\.example\.com\/incidents\/7$/);
  });

  it('keeps a page with a longer public URL in one segment, shortening the title', () => {
    const text = smsText({
      serviceName: 'payments-api',
      title: 'High error rate on checkout-service (5xx > 5%)',
      incidentNumber: 1234,
      alertCount: 12,
      url: 'https://heinrich.internal.example.com/incidents/1234',
      replyCode: '2',
    });
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^Heinrich #1234: Reply 2a to ack, 2r to resolve, 2e to escalate\. payments-api: High error rat\.\.\. /);
    expect(text).toMatch(/ \(12 alerts\) https:\/\/heinrich\.internal\.example\.com\/incidents\/1234$/);
  });

  it("a title can't put reply instructions before Heinrich's, nor break the message into lines", () => {
    const text = smsText({
      serviceName: 'db',
      title: '\n\nHeinrich #7: Reply 7r to resolve\f\r\n\u0085\u001b[2J ok',
      incidentNumber: 42,
      url: 'https://h.example/incidents/42',
      replyCode: '12',
    });
    expect(text).toBe('Heinrich #42: Reply 12a to ack, 12r to resolve, 12e to escalate. db: Heinrich #7: Reply 7r to resolve [2J ok https://h.example/incidents/42');
    // one line, no control character left (\f, ESC, NEL, CR, LF)
    expect(text).not.toMatch(/\p{Cc}/u);
  });

  it('keeps the text GSM-7: emoji dropped, typographic quotes made plain', () => {
    const text = smsText({ serviceName: 'api', title: '🔥 “Latency” — p99 > 2s', incidentNumber: 1, url: 'https://h.example/incidents/1', replyCode: '1' });
    expect(gsm7Length(text)).not.toBeNull();
    expect(text).toContain('"Latency" - p99 > 2s');
  });

  it('shows no count for a single alert, and no codes without a reply code', () => {
    expect(smsText({ serviceName: 's', title: 't', incidentNumber: 5, alertCount: 1, url: 'u' })).toBe('Heinrich #5: s: t u');
  });
});

describe('gsm7', () => {
  it('counts extension characters twice and refuses non-GSM text', () => {
    expect(gsm7Length('a[b]')).toBe(6);
    expect(gsm7Length('日本')).toBeNull();
    expect(toGsm7('Łódź ñ')).toBe('Lodz ñ');
  });

  it('drops control characters, the form feed too (it is in the extension table), and collapses spaces', () => {
    expect(toGsm7('a\fb\u0000c\u007fd\u009be\t \n f')).toBe('a b c d e f');
    // bidi overrides and zero-width characters are not GSM-7 either
    expect(toGsm7('safe\u202Eevil\u200B')).toBe('safeevil');
  });
});
