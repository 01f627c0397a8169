import { describe, expect, it } from 'vitest';
import { callTwiml, cleanForSpeech, messageTwiml, spokenSummary } from './voice-twiml';

describe('cleanForSpeech', () => {
  it('drops links and symbols and speaks separators as spaces', () => {
    expect(cleanForSpeech('CPU > 90% on db-1_prod/eu see https://grafana.example.com/d/abc')).toBe('CPU 90 percent on db 1 prod eu see');
  });

  it('speaks control characters as spaces (form feed, escape, line breaks, C1)', () => {
    expect(cleanForSpeech('Disk\ffull\u001b[2J on\r\ndb\u0085one\u0000')).toBe('Disk full 2J on db one');
    expect(spokenSummary({ serviceName: 'svc\f', title: 'Disk\ffull\u0007', incidentNumber: 3, status: 'triggered' })).toBe('Heinrich alert. Incident 3, on svc: Disk full.');
  });

  it('is bounded at a word boundary', () => {
    const t = cleanForSpeech('word '.repeat(200));
    expect(t.length).toBeLessThanOrEqual(220);
    expect(t.endsWith('word')).toBe(true);
  });
});

describe('callTwiml', () => {
  it('says the summary twice inside a one-digit Gather posting to the action URL, then hangs up', () => {
    const xml = callTwiml({ serviceName: 'checkout', title: 'Disk full on db-1', incidentNumber: 42, alertCount: 3, status: 'triggered' }, 'https://h.example/api/v1/twilio/voice/gather?delivery=d1&x=1');
    expect(xml).toContain('<Gather input="dtmf" numDigits="1" timeout="8" action="https://h.example/api/v1/twilio/voice/gather?delivery=d1&amp;x=1" method="POST" finishOnKey="">');
    expect(xml).toContain('<Say loop="2">Heinrich alert. Incident 42 with 3 alerts, on checkout: Disk full on db 1. Press 4 to acknowledge, 6 to resolve, 5 to escalate, or star to repeat.</Say></Gather>');
    expect(xml).toMatch(/<Hangup\/><\/Response>$/);
  });

  it('says the status when the incident is no longer triggered', () => {
    expect(spokenSummary({ serviceName: 's', title: 't', incidentNumber: 1, status: 'acknowledged' })).toContain('It is acknowledged.');
  });
});

describe('messageTwiml', () => {
  it('is empty without text', () => {
    expect(messageTwiml()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(messageTwiml('ok & done')).toContain('<Message>ok &amp; done</Message>');
  });
});
