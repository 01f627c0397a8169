import type { ApiConfig } from '@heinrich/config/load-config';
import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import type { SlackApi } from '@heinrich/usecases/slack/handle-slash-command';
import type { TwilioGateway } from '@heinrich/usecases/twilio/twilio-gateway';
import type { ApiMetrics } from './http/metrics';

/**
 * Slack's v0 request signature check bound to SLACK_SIGNING_SECRET
 * (packages/providers/src/slack/verify-signature.ts, built in main.ts): HMAC-SHA256
 * over `v0:<timestamp>:<raw body>`, the timestamp within 5 minutes of `now`.
 */
export type SlackSignatureCheck = (request: {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}) => { ok: true } | { ok: false; reason: string };

/** Everything the HTTP layer needs, built in main.ts (or a test). */
export interface AppDeps {
  config: ApiConfig;
  ctx: Context;
  logger: Logger;
  metrics: ApiMetrics;
  /** ioredis connection status: "ready" when Redis answers */
  redisStatus(): string;
  /** true when Postgres answers */
  pingDatabase(): Promise<boolean>;
  /** Twilio signature checks and verification codes; undefined without credentials (its webhooks answer 503) */
  twilio?: TwilioGateway;
  /** Slack's request signature check (SLACK_SIGNING_SECRET); undefined without one (its webhooks answer 503) */
  slackSignature?: SlackSignatureCheck;
  /** the Slack Web API client (SLACK_BOT_TOKEN); undefined without one (Slack users are then found by their stored link only) */
  slack?: SlackApi;
}
