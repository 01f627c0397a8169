import { describe, expect, it } from 'vitest';
import { formatApiMessage, withoutDocReferences } from './api-message';

describe('withoutDocReferences', () => {
  it('drops the docs pointers the API adds for operators', () => {
    expect(withoutDocReferences('Twilio is not configured for SMS: the number stays unverified and is not paged (docs/twilio.md)')).toBe('Twilio is not configured for SMS: the number stays unverified and is not paged');
    expect(withoutDocReferences('no credentials for sms (docs/slack.md, docs/twilio.md): pages go on')).toBe('no credentials for sms: pages go on');
    expect(withoutDocReferences('Twilio is not configured on this server (TWILIO_ACCOUNT_SID; docs/twilio.md)')).toBe('Twilio is not configured on this server (TWILIO_ACCOUNT_SID)');
    expect(withoutDocReferences('storms (docs/noise.md "Storm mode") hold pages')).toBe('storms hold pages');
    expect(withoutDocReferences('nothing to drop')).toBe('nothing to drop');
  });

  it('applies to every API message shown', () => {
    expect(formatApiMessage('not paged (docs/twilio.md)')).toBe('not paged');
  });
});
