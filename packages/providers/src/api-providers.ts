import type { ApiConfig } from '@heinrich/config/load-config';
import type { WebClient } from '@slack/web-api';
import { createSlackClient } from './slack/create-slack-client';
import { slackSignatureCheck } from './slack/verify-signature';
import { createTwilioGateway, type TwilioGateway } from './twilio/twilio-gateway';

/**
 * The api's Slack and Twilio, from its config: each follows its credentials as
 * they are now (config.credentials), so a token or signing secret rotated in
 * its file is used without a restart, the previous one still accepted for
 * SECRET_ROTATION_GRACE_SECONDS. Built once, in the api's main.ts (and the
 * tests' api).
 */
export function apiProviders(config: Pick<ApiConfig, 'twilio' | 'slack' | 'credentials'>): {
  twilio: TwilioGateway | undefined;
  slackSignature: ReturnType<typeof slackSignatureCheck>;
  slack: WebClient | undefined;
} {
  const { credentials } = config;
  return {
    twilio: createTwilioGateway(config.twilio),
    slackSignature: slackSignatureCheck(() => credentials.accepted('SLACK_SIGNING_SECRET')),
    slack: config.slack.botToken ? createSlackClient({ botToken: () => credentials.current('SLACK_BOT_TOKEN'), apiUrl: config.slack.apiUrl }) : undefined,
  };
}
