import { PROVIDER_CALL_TIMEOUT_MS } from '@heinrich/config/load-config';
import { LogLevel, WebClient } from '@slack/web-api';

/**
 * The Slack calls Heinrich makes (a structural subset of WebClient, so tests and
 * use cases can name what they need without the whole SDK type).
 */
export type SlackClientLike = Pick<WebClient, 'chat' | 'conversations' | 'users'>;

/**
 * A Web API client for the bot token. The SDK's own retry loops are off: by
 * default it retries for ~30 minutes and, on a 429, pauses every call of the
 * client. Here a 429 rejects at once (WebAPIRateLimitedError.retryAfter) and
 * the caller's queue honours Retry-After for that provider only
 * (docs/protocols.md 2.6). `apiUrl` (SLACK_API_URL) points it at a fake.
 */
export function createSlackClient(opts: { botToken: string | (() => string | undefined); apiUrl?: string; timeoutMs?: number }): WebClient {
  const { botToken } = opts;
  const Client = typeof botToken === 'string' ? WebClient : rotatingTokenClient(botToken);
  return new Client(typeof botToken === 'string' ? botToken : botToken(), {
    slackApiUrl: opts.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // per call; DELIVERY_LEASE_MS must outlast a DM's two calls
    timeout: opts.timeoutMs ?? PROVIDER_CALL_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
    // a method name must never turn into a request to another host
    allowAbsoluteUrls: false,
  });
}

/**
 * A WebClient whose every call carries the token as it is now (a bot token read
 * from SLACK_BOT_TOKEN_FILE changes without a restart, docs/kubernetes.md): the
 * SDK takes a call's own `token` over the one given at construction.
 */
function rotatingTokenClient(token: () => string | undefined): typeof WebClient {
  return class RotatingTokenWebClient extends WebClient {
    override apiCall(method: string, options: Record<string, unknown> = {}) {
      const current = token();
      return super.apiCall(method, current === undefined || 'token' in options ? options : { ...options, token: current });
    }
  };
}
