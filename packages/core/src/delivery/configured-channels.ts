import type { ContactMethodType } from './contact-method-value';

/** The provider credentials a process was given (config's `twilio` and `slack`). */
export interface ChannelCredentials {
  twilio?: { accountSid?: string | undefined; authToken?: string | undefined; fromNumber?: string | undefined; messagingServiceSid?: string | undefined };
  slack?: { botToken?: string | undefined };
}

/**
 * The channels that can send with these credentials: log and webhook always;
 * sms with a Twilio account and a from number or messaging service; voice with
 * an account and a from number; slack with a bot token. The worker builds its
 * senders by it and simulate plans with it, so the two agree.
 */
export function configuredChannels(c: ChannelCredentials): Set<ContactMethodType> {
  const channels = new Set<ContactMethodType>(['log', 'webhook']);
  const tw = c.twilio;
  if (tw?.accountSid && tw.authToken) {
    if (tw.fromNumber || tw.messagingServiceSid) channels.add('sms');
    if (tw.fromNumber) channels.add('voice');
  }
  if (c.slack?.botToken) channels.add('slack');
  return channels;
}
