import type { Credentials } from '@heinrich/config/credentials';
import type { Logger } from '@heinrich/config/logger';
import { configuredChannels } from '@heinrich/core/delivery/configured-channels';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { allowsPrivateWebhooks } from '@heinrich/core/delivery/webhook-address';
import type { DeliverySender } from './delivery-sender';
import { guardedWebhookFetch } from './guarded-fetch';
import { logSender } from './log-sender';
import { createSlackClient } from './slack/create-slack-client';
import { slackDmSender } from './slack/slack-dm-sender';
import { twilioSmsSender } from './twilio/sms-sender';
import { rotatingTwilioClient } from './twilio/rotating-twilio-client';
import type { TwilioSettings } from './twilio/twilio-gateway';
import { twilioVoiceSender } from './twilio/voice-sender';
import { webhookSender } from './webhook-sender';

export interface SenderSettings {
  /** a webhook that has not answered in this long counts as a (retryable) timeout */
  webhookTimeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: webhooks may reach loopback and private addresses (also when publicUrl is on loopback) */
  webhookAllowPrivate?: boolean;
  /** sms and voice need account sid + auth token, and a from number (voice) or a messaging service (sms) */
  twilio?: TwilioSettings;
  /** where Twilio calls back (status, call TwiML) */
  publicUrl?: string;
  /** Slack DMs need the bot token (SLACK_BOT_TOKEN); apiUrl points the client at a fake */
  slack?: { botToken?: string; apiUrl?: string };
  /** the live credentials (config.credentials): a rotated Twilio token or Slack bot token is used without a restart */
  credentials?: Credentials;
}

/**
 * The providers this process can send through, by channel. A channel missing
 * here has no credentials: its deliveries are recorded `unavailable` and the
 * user's next method is used (never dropped silently). Composition roots
 * (apps/worker main.ts, tests, bench) build this and hand it to startDelivery.
 */
export function buildSenders(settings: SenderSettings, logger: Logger, now: () => Date = () => new Date()): Map<ContactMethodType, DeliverySender> {
  const senders = new Map<ContactMethodType, DeliverySender>([
    ['log', logSender(logger)],
    // every address a webhook's host resolves to is checked when it is sent (DNS rebinding)
    ['webhook', webhookSender({ timeoutMs: settings.webhookTimeoutMs, now, fetch: guardedWebhookFetch({ allowPrivate: allowsPrivateWebhooks(settings.publicUrl ?? '', settings.webhookAllowPrivate ?? false) }) })],
  ]);
  const channels = configuredChannels(settings);
  const tw = settings.twilio;
  if (tw?.accountSid && tw.authToken && settings.publicUrl && (channels.has('sms') || channels.has('voice'))) {
    const client = rotatingTwilioClient({ accountSid: tw.accountSid, authToken: tw.authToken, apiBaseUrl: tw.apiBaseUrl }, settings.credentials, now);
    const opts = { client, fromNumber: tw.fromNumber, messagingServiceSid: tw.messagingServiceSid, publicUrl: settings.publicUrl };
    if (channels.has('sms')) senders.set('sms', twilioSmsSender(opts));
    if (channels.has('voice')) senders.set('voice', twilioVoiceSender(opts));
  }
  if (settings.slack?.botToken && channels.has('slack')) {
    const { credentials } = settings;
    const botToken = credentials ? () => credentials.current('SLACK_BOT_TOKEN') : settings.slack.botToken;
    senders.set('slack', slackDmSender({ client: createSlackClient({ botToken, apiUrl: settings.slack.apiUrl }), logger }));
  }
  return senders;
}
