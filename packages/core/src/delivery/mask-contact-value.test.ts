import { describe, expect, it } from 'vitest';
import { describeContactMethod, maskContactValue, maskEmail, maskPhone, maskUrl } from './mask-contact-value';

describe('maskContactValue', () => {
  it('names a webhook by its host only', () => {
    expect(maskContactValue('webhook', 'https://hooks.example.com/T0001/B0002/s3cr3tPath?token=abc#x')).toBe('hooks.example.com');
    expect(maskContactValue('webhook', 'http://127.0.0.1:4010/hook')).toBe('127.0.0.1:4010');
    expect(maskUrl('https://user:pw@hooks.example.com/x')).toBe('hooks.example.com');
    expect(maskUrl('not a url')).toBe('•••');
  });

  it('keeps a phone number\'s country code and last two digits', () => {
    expect(maskContactValue('sms', '+4915112345667')).toBe('+49 ••• 67');
    expect(maskContactValue('voice', '+14155552671')).toBe('+1 ••• 71');
    expect(maskPhone('+49 151 1234 5667')).toBe('+49 ••• 67');
    expect(maskPhone('12')).toBe('•••');
  });

  it('masks Slack ids and emails, keeps log labels', () => {
    expect(maskContactValue('slack', 'U024BE7LH')).toBe('U0•••LH');
    expect(maskContactValue('slack', 'alice@example.com')).toBe('a•••@example.com');
    expect(maskEmail('bob.smith@corp.example')).toBe('b•••@corp.example');
    expect(maskContactValue('log', 'demo')).toBe('demo');
    expect(maskContactValue('carrier-pigeon', 'x')).toBe('•••');
  });

  it('names the method by type and masked value', () => {
    expect(describeContactMethod('webhook', 'https://hooks.example.com/secret')).toBe('webhook to hooks.example.com');
    expect(describeContactMethod('sms', '+4915112345667')).toBe('SMS to +49 ••• 67');
    expect(describeContactMethod('slack', 'U024BE7LH')).toBe('Slack to U0•••LH');
  });
});
