import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-sender';

/** Slack errors (`{ok:false, error}`) that a retry cannot fix: wrong channel, unknown user, missing scope, bad token. */
const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'no_permission',
  'msg_too_long',
  'invalid_blocks',
  'message_not_found',
  'cant_update_message',
  'restricted_action',
]);

/**
 * A @slack/web-api error as a delivery error: a 429 is retryable after its
 * Retry-After; a platform error (`ok:false`) is permanent when listed above and
 * retryable otherwise (e.g. `ratelimited`, `internal_error`); HTTP 5xx and
 * network errors are retryable.
 */
export function classifySlackError(err: unknown, what: string): RetryableDeliveryError | PermanentDeliveryError {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return new RetryableDeliveryError(`Slack ${what}: rate limited (Retry-After ${e.retryAfter ?? '?'} s)`, e.retryAfter !== undefined ? e.retryAfter * 1000 : undefined);
  }
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    const message = `Slack ${what}: ${code}`;
    return PERMANENT_SLACK_ERRORS.has(code) ? new PermanentDeliveryError(message) : new RetryableDeliveryError(message);
  }
  if (e.code === 'slack_webapi_http_error' && e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return new PermanentDeliveryError(`Slack ${what}: HTTP ${e.statusCode}`);
  }
  // a network error's text may carry the API URL or the token: stored redacted
  return new RetryableDeliveryError(redactSecrets(`Slack ${what}: ${e.message ?? String(err)}`));
}

/** The Slack error code of a platform error (`users_not_found`), else undefined. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}
