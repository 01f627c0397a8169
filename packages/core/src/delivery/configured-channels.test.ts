import { describe, expect, it } from 'vitest';
import { configuredChannels } from './configured-channels';

const account = { accountSid: 'AC00000000000000000000000000000000', authToken: 'token-123' };

describe('configuredChannels', () => {
  it('log and webhook need nothing', () => {
    expect([...configuredChannels({})].sort()).toEqual(['log', 'webhook']);
  });

  it('sms needs an account and a sender; voice a from number; slack a bot token', () => {
    expect([...configuredChannels({ twilio: { ...account, messagingServiceSid: 'MG0' } })].sort()).toEqual(['log', 'sms', 'webhook']);
    expect([...configuredChannels({ twilio: { ...account, fromNumber: '+15005550006' }, slack: { botToken: 'xoxb-1' } })].sort()).toEqual(['log', 'slack', 'sms', 'voice', 'webhook']);
    expect([...configuredChannels({ twilio: { fromNumber: '+15005550006' } })].sort()).toEqual(['log', 'webhook']);
  });
});
